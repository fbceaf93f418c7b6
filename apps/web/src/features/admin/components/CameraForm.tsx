// A camera's form (new or edit) in a dialog: the place by a click on the map (which also picks the grid
// there and, when none is chosen yet, that grid's station), the shared CreateCameraBody / PatchCameraBody
// checked before sending, the server's field errors beside their fields in the board's language, the
// status (edit: PUT /status, as the board marks a feed), and the stream address's play check.
import { findGrid } from "@onemap/domain";
import { type Camera, CameraKind, CameraStatus, CreateCameraBody, PatchCameraBody, type Station } from "@onemap/shared";
import { App, type ButtonProps, Col, Form, Input, InputNumber, Modal, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError, fieldIssues } from "../../../api/client";
import { issueMessage } from "../../../i18n/refusals";
import "../../../i18n/zod-locales";
import { useCameraChanges } from "../api/cameras";
import { useGrids } from "../api/units";
import { CameraLocationMap } from "./CameraLocationMap";
import { StreamCheck } from "./StreamCheck";

interface Values {
  code?: string;
  name?: string;
  kind?: CameraKind;
  stationId?: string;
  lat?: number | null;
  lon?: number | null;
  gridId?: string | null;
  streamUrl?: string;
  status?: CameraStatus;
}
const FIELDS = ["code", "name", "kind", "stationId", "lat", "lon", "gridId", "streamUrl", "status"] as const;

const valuesOf = (c: Camera | null): Values =>
  c ? { ...c, streamUrl: c.streamUrl ?? "" } : { kind: "SKYNET", gridId: null, streamUrl: "", status: "ONLINE" };

/** `camera`: the camera to edit, null for a new one */
export function CameraForm({ camera, stations, onClose }: { camera: Camera | null; stations: readonly Station[]; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const station = Form.useWatch("stationId", form);
  const lat = Form.useWatch("lat", form);
  const lon = Form.useWatch("lon", form);
  const streamUrl = Form.useWatch("streamUrl", form);
  const grids = useGrids();
  const changes = useCameraChanges();
  const all = grids.data ?? [];
  const saving = changes.create.isPending || changes.patch.isPending || changes.status.isPending;

  const setErrors = (errors: Record<string, string>) =>
    form.setFields(FIELDS.map((name) => ({ name, errors: errors[name] ? [errors[name]] : [] })));

  const pick = (lat: number, lon: number) => {
    const grid = findGrid({ lat, lon }, all);
    const current = form.getFieldValue("stationId") as string | undefined;
    form.setFieldsValue({
      lat,
      lon,
      ...(grid && (!current || current === grid.stationId) ? { gridId: grid.id, stationId: grid.stationId } : {}),
    });
    form.setFields([
      { name: "lat", errors: [] },
      { name: "lon", errors: [] },
    ]);
  };

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    const fields = {
      code: v.code?.trim() || undefined,
      name: v.name?.trim() || undefined,
      kind: v.kind,
      stationId: v.stationId,
      lat: v.lat ?? undefined,
      lon: v.lon ?? undefined,
      gridId: v.gridId ?? null,
      streamUrl: v.streamUrl?.trim() || null,
    };
    const parsed = camera ? PatchCameraBody.safeParse(fields) : CreateCameraBody.safeParse(fields);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        errors[key] ??= issueMessage(issue as never, fields[key as keyof typeof fields] === undefined);
      }
      setErrors(errors);
      return;
    }
    setErrors({});
    try {
      let saved = camera
        ? await changes.patch.mutateAsync({ id: camera.id, body: parsed.data as PatchCameraBody })
        : await changes.create.mutateAsync(parsed.data as CreateCameraBody);
      if (camera && v.status && v.status !== saved.status) saved = await changes.status.mutateAsync({ id: saved.id, status: v.status });
      void message.success(t(camera ? "cameras.form.saved" : "cameras.form.created", { name: saved.name }));
      onClose();
    } catch (e) {
      const errors = fieldIssues(e);
      if (e instanceof ApiError && e.code === "code_taken") errors.code = e.message;
      setErrors(errors);
      if (!Object.keys(errors).some((k) => (FIELDS as readonly string[]).includes(k)))
        void message.error(t("cameras.form.refused", { message: (e as Error).message }));
    }
  }

  return (
    <Modal
      open
      title={camera ? t("cameras.form.editTitle", { name: camera.name }) : t("cameras.form.createTitle")}
      okText={t("cameras.form.save")}
      cancelText={t("cameras.cancel")}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      width={960}
      destroyOnHidden
      okButtonProps={{ "data-testid": "camera-save" } as ButtonProps}
    >
      <Form form={form} layout="vertical" initialValues={valuesOf(camera)} data-testid="camera-form">
        <Row gutter={16}>
          <Col span={10}>
            <Row gutter={12}>
              <Col span={24}>
                <Form.Item name="code" label={t("cameras.form.code")} required>
                  <Input maxLength={40} data-testid="camera-code" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="name" label={t("cameras.form.name")} required>
                  <Input maxLength={120} data-testid="camera-name" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="kind" label={t("cameras.form.kind")} required>
                  <Select options={CameraKind.options.map((k) => ({ value: k, label: tb(`cameraKind.${k}`) }))} data-testid="camera-kind" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="stationId" label={t("cameras.form.station")} required>
                  <Select
                    showSearch={{ optionFilterProp: "label" }}
                    options={stations.map((s) => ({ value: s.id, label: s.name }))}
                    data-testid="camera-station"
                  />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="gridId" label={t("cameras.form.grid")} tooltip={t("cameras.form.gridHint")}>
                  <Select
                    allowClear
                    placeholder={t("cameras.form.noGrid")}
                    options={all
                      .filter((g) => !station || g.stationId === station)
                      .map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` }))}
                    data-testid="camera-grid"
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="lat" label={t("cameras.form.lat")} required>
                  <InputNumber style={{ width: "100%" }} step={0.0001} data-testid="camera-lat" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="lon" label={t("cameras.form.lon")} required>
                  <InputNumber style={{ width: "100%" }} step={0.0001} data-testid="camera-lon" />
                </Form.Item>
              </Col>
              {camera && (
                <Col span={12}>
                  <Form.Item name="status" label={t("cameras.form.status")}>
                    <Select
                      options={CameraStatus.options.map((s) => ({ value: s, label: tb(`cameraStatus.${s}`) }))}
                      data-testid="camera-status"
                    />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </Col>
          <Col span={14}>
            <Form.Item label={t("cameras.form.location")} extra={t("cameras.form.mapHint")} style={{ marginBottom: 12 }}>
              <CameraLocationMap grids={all} lat={lat} lon={lon} onPick={pick} />
            </Form.Item>
            <Form.Item name="streamUrl" label={t("cameras.form.streamUrl")} style={{ marginBottom: 8 }}>
              <Input maxLength={1000} placeholder="http://…/live.m3u8" data-testid="camera-stream-url" />
            </Form.Item>
            <StreamCheck url={streamUrl} />
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
