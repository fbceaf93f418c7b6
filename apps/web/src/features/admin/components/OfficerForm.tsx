// An officer added or changed: the shared CreateOfficerBody / PatchOfficerBody checked before sending,
// the server's field errors (a taken badge number: 409, said as a refusal) beside their fields.
import { CreateOfficerBody, type Officer, OfficerPost, PatchOfficerBody, type Station } from "@onemap/shared";
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { useOfficerChanges } from "../api/officers";
import { changes, check, orAbsent, orNull, showErrors, showRefusal } from "./form-check";

const FIELDS = ["badgeNo", "name", "title", "post", "auxiliary", "stationId", "phone", "birthYear"] as const;
type Values = Partial<Record<(typeof FIELDS)[number], unknown>>;

const toBody = (v: Values) => ({
  badgeNo: orAbsent(v.badgeNo),
  name: orAbsent(v.name),
  birthYear: orAbsent(v.birthYear),
  post: orAbsent(v.post),
  auxiliary: v.auxiliary === true,
  title: orNull(v.title),
  phone: orNull(v.phone),
  stationId: orAbsent(v.stationId),
});

/** `officer` null: a new one (of `stationId` when the list is filtered by one) */
export function OfficerForm({
  officer,
  stationId,
  stations,
  onClose,
}: {
  officer: Officer | null;
  stationId: string | undefined;
  stations: Station[];
  onClose: () => void;
}) {
  const { t } = useTranslation("admin");
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create, patch } = useOfficerChanges();

  const refused = (error: unknown) => {
    // a taken badge number is a 409, not a field issue: shown beside the badge number all the same
    if (error instanceof ApiError && error.code === "badge_no_taken") return void showErrors(form, FIELDS, { badgeNo: error.message });
    showRefusal(form, FIELDS, error, (text) => void message.error(text));
  };

  const submit = async () => {
    const body = toBody(form.getFieldsValue(true) as Values);
    const whole = check(CreateOfficerBody, body);
    if (!whole.ok) return void showErrors(form, FIELDS, whole.errors);
    if (!officer) {
      showErrors(form, FIELDS, {});
      try {
        const saved = await create.mutateAsync(whole.data);
        void message.success(t("officers.created", { name: saved.name }));
        onClose();
      } catch (error) {
        refused(error);
      }
      return;
    }
    const diff = changes(officer, body);
    if (Object.keys(diff).length === 0) {
      void message.info(t("officers.unchanged"));
      return onClose();
    }
    const checked = check(PatchOfficerBody, diff);
    if (!checked.ok) return void showErrors(form, FIELDS, checked.errors);
    showErrors(form, FIELDS, {});
    try {
      const saved = await patch.mutateAsync({ id: officer.id, body: checked.data });
      void message.success(t("officers.saved", { name: saved.name }));
      onClose();
    } catch (error) {
      refused(error);
    }
  };

  return (
    <Modal
      open
      width={600}
      title={officer ? t("officers.editTitle", { name: officer.name }) : t("officers.createTitle")}
      okText={t("officers.save")}
      cancelText={t("officers.cancel")}
      confirmLoading={create.isPending || patch.isPending}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ "data-testid": "officer-save" }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={officer ?? { post: "STATION", auxiliary: false, stationId }}
        data-testid="officer-form"
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="badgeNo" label={t("officers.columns.badgeNo")} required>
              <Input maxLength={64} data-testid="officer-badge" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t("officers.columns.name")} required>
              <Input maxLength={64} data-testid="officer-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="stationId" label={t("officers.columns.station")} required>
              <Select
                showSearch={{ optionFilterProp: "label" }}
                options={stations.map((s) => ({ value: s.id, label: s.name }))}
                data-testid="officer-station"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="title" label={t("officers.columns.title")}>
              <Input maxLength={64} data-testid="officer-title" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="post" label={t("officers.columns.post")} required>
              <Select
                options={OfficerPost.options.map((p) => ({ value: p, label: t(`officers.posts.${p}`) }))}
                data-testid="officer-post"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="auxiliary" label={t("officers.columns.auxiliary")} valuePropName="checked">
              <Switch data-testid="officer-auxiliary" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t("officers.columns.phone")}>
              <Input maxLength={20} data-testid="officer-phone" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="birthYear" label={t("officers.columns.birthYear")} required>
              <InputNumber style={{ width: "100%" }} precision={0} data-testid="officer-birth-year" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
