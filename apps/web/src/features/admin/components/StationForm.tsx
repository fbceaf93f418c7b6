// A station added or changed: the shared CreateStationBody / PatchStationBody checked before sending,
// the server's field errors beside their fields; its place clicked on a small map or typed.
import { CreateStationBody, PatchStationBody, type Station, StationKind } from "@onemap/shared";
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useStations } from "../api/devices";
import { usePickerMapSettings, useStationChanges } from "../api/stations";
import { changes, check, orAbsent, orNull, showErrors, showRefusal } from "./form-check";
import { LocationPicker } from "./LocationPicker";

const FIELDS = ["code", "name", "kind", "urban", "lat", "lon", "address", "phone"] as const;
type Values = Partial<Record<(typeof FIELDS)[number], unknown>>;

const toBody = (v: Values) => ({
  code: orAbsent(v.code),
  name: orAbsent(v.name),
  kind: orAbsent(v.kind),
  urban: v.urban === true,
  lat: orAbsent(v.lat),
  lon: orAbsent(v.lon),
  address: orNull(v.address),
  phone: orNull(v.phone),
});

/** `station` null: a new one */
export function StationForm({ station, onClose }: { station: Station | null; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create, patch } = useStationChanges();
  const settings = usePickerMapSettings();
  const stations = useStations();
  const lat = Form.useWatch("lat", form);
  const lon = Form.useWatch("lon", form);

  const submit = async () => {
    const body = toBody(form.getFieldsValue(true) as Values);
    const say = (text: string) => void message.error(text);
    if (!station) {
      const checked = check(CreateStationBody, body);
      if (!checked.ok) return void showErrors(form, FIELDS, checked.errors);
      showErrors(form, FIELDS, {});
      try {
        const saved = await create.mutateAsync(checked.data);
        void message.success(t("stations.created", { name: saved.name }));
        onClose();
      } catch (error) {
        showRefusal(form, FIELDS, error, say);
      }
      return;
    }
    const diff = changes(station, body);
    if (Object.keys(diff).length === 0) {
      void message.info(t("stations.unchanged"));
      return onClose();
    }
    // every field checked as a whole station would be, then only the changes sent
    const whole = check(CreateStationBody, body);
    if (!whole.ok) return void showErrors(form, FIELDS, whole.errors);
    const checked = check(PatchStationBody, diff);
    if (!checked.ok) return void showErrors(form, FIELDS, checked.errors);
    showErrors(form, FIELDS, {});
    try {
      const saved = await patch.mutateAsync({ id: station.id, body: checked.data });
      void message.success(t("stations.saved", { name: saved.name }));
      onClose();
    } catch (error) {
      showRefusal(form, FIELDS, error, say);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={station ? t("stations.editTitle", { name: station.name }) : t("stations.createTitle")}
      okText={t("stations.save")}
      cancelText={t("stations.cancel")}
      confirmLoading={create.isPending || patch.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ "data-testid": "station-save" }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={station ?? { kind: "POLICE_STATION", urban: false }}
        data-testid="station-form"
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="code" label={t("stations.columns.code")} required>
              <Input maxLength={64} data-testid="station-code" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label={t("stations.columns.name")} required>
              <Input maxLength={100} data-testid="station-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t("stations.columns.kind")} required>
              <Select
                options={StationKind.options.map((k) => ({ value: k, label: t(`stations.kinds.${k}`) }))}
                data-testid="station-kind"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="urban" label={t("stations.columns.urban")} valuePropName="checked">
              <Switch data-testid="station-urban" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label={t("stations.columns.address")}>
              <Input maxLength={200} data-testid="station-address" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t("stations.columns.phone")}>
              <Input maxLength={20} data-testid="station-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
          {t("stations.pickHint")}
        </Typography.Paragraph>
        <LocationPicker
          lat={lat}
          lon={lon}
          settings={settings.data}
          onPick={(la, lo) => form.setFieldsValue({ lat: la, lon: lo })}
          testId="station-map"
          landmarks={(stations.data ?? []).filter((s) => s.id !== station?.id && s.kind === "POLICE_STATION")}
        />
        <Row gutter={12} style={{ marginTop: 8 }}>
          <Col span={12}>
            <Form.Item name="lat" label={t("stations.lat")} required>
              <InputNumber style={{ width: "100%" }} step={0.0001} data-testid="station-lat" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lon" label={t("stations.lon")} required>
              <InputNumber style={{ width: "100%" }} step={0.0001} data-testid="station-lon" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
