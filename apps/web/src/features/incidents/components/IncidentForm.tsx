// New incident: the fields of the shared CreateIncidentBody schema, checked with that schema before
// sending and with the server's field errors shown beside their fields. Every keystroke goes into the
// draft (sessionStorage), so an expired session or a reload keeps what was typed.
import { CreateIncidentBody, INCIDENT_CATEGORIES, type IncidentCategory, Priority } from "@onemap/shared";
import { App as AntApp, Button, Col, Form, Input, InputNumber, Row, Select, Typography } from "antd";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { fieldIssues } from "../../../api/client";
import { issueMessage } from "../../../i18n/refusals";
import "../../../i18n/zod-locales";
import { serverNow } from "../../../ui/clock";
import { Panel } from "../../../ui/Panel";
import { type IncidentDraft, ui, useUi } from "../../../ui/store";
import { useCreateIncident } from "../api/create-incident";

const FIELDS = ["category", "priority", "lat", "lon", "address", "callerName", "callerPhone", "description"] as const;

/** a call start older than the server accepts (an hour) is dropped: the clock then starts at submission */
const CALL_START_MAX_AGE_MS = 59 * 60_000;

/** Drops what the user left empty, so optional fields are absent rather than "". */
function toBody(values: IncidentDraft): Record<string, unknown> {
  const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  if (typeof body.callStartedAt === "string" && serverNow().getTime() - Date.parse(body.callStartedAt) > CALL_START_MAX_AGE_MS)
    delete body.callStartedAt;
  return body;
}

export function IncidentForm() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<IncidentDraft>();
  const draft = useUi((s) => s.draft);
  const create = useCreateIncident();
  const lat = draft?.lat;
  const lon = draft?.lon;

  // a map click moves the pin: show it in the fields
  useEffect(() => {
    form.setFieldsValue({ lat, lon });
  }, [form, lat, lon]);

  const categories = useMemo(
    () =>
      (Object.keys(INCIDENT_CATEGORIES) as IncidentCategory[]).map((key) => ({
        value: key,
        label: `${t(`categories.${key}`)} · ${INCIDENT_CATEGORIES[key].priority}`,
      })),
    [t],
  );
  if (!draft) return null;

  const setErrors = (errors: Record<string, string>) =>
    form.setFields(FIELDS.map((name) => ({ name, errors: errors[name] ? [errors[name]] : [] })));

  async function submit() {
    const values = { ...form.getFieldsValue(true), ...toBody(useUi.getState().draft ?? {}) } as IncidentDraft;
    const body = toBody(values);
    const parsed = CreateIncidentBody.safeParse(body);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        errors[key] ??= issueMessage(issue as never, body[key] === undefined);
      }
      setErrors(errors);
      return;
    }
    setErrors({});
    ui.setCreating(true);
    let createdId: string | undefined;
    try {
      const incident = await create.mutateAsync(parsed.data);
      createdId = incident.id;
      ui.clearDraft();
      ui.select(incident.id);
      void message.success(t("form.created", { number: incident.number }));
    } catch (e) {
      const errors = fieldIssues(e);
      setErrors(errors);
      // a refusal no field of the form shows (e.g. the call's start) still says so
      if (!Object.keys(errors).some((k) => (FIELDS as readonly string[]).includes(k)))
        void message.error(t("errors.generic", { message: (e as Error).message }));
    } finally {
      ui.setCreating(false, createdId);
    }
  }

  return (
    <Panel
      title={t("form.title")}
      className="onemap-form"
      data-testid="new-incident"
      extra={
        <Button size="small" type="text" onClick={() => ui.clearDraft()}>
          {t("form.cancel")} (Esc)
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
        {t("form.pickHint")}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={draft}
        onValuesChange={(changed: IncidentDraft) => ui.editDraft(changed)}
        onFinish={submit}
        requiredMark
      >
        <Row gutter={8}>
          <Col span={14}>
            <Form.Item name="category" label={t("form.category")} required>
              <Select showSearch={{ optionFilterProp: "label" }} options={categories} data-testid="field-category" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="priority" label={t("form.priority")}>
              <Select
                allowClear
                placeholder={t("form.priorityDefault")}
                options={Priority.options.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="lat" label={t("form.lat")} required>
              <InputNumber style={{ width: "100%" }} step={0.0001} data-testid="field-lat" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lon" label={t("form.lon")} required>
              <InputNumber style={{ width: "100%" }} step={0.0001} data-testid="field-lon" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t("form.address")}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="callerName" label={t("form.callerName")}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="callerPhone" label={t("form.callerPhone")}>
              <Input data-testid="field-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t("form.description")}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="field-description" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="create-incident">
          {t("form.submit")}
        </Button>
      </Form>
    </Panel>
  );
}
