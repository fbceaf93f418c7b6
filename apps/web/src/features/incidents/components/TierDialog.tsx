// Escalate, relax or request escalation of one incident, with a reason. Loaded when opened.
import type { ResponseTier } from "@onemap/shared";
import { App as AntApp, Button, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useRequestEscalation } from "../api/escalation-request";
import { useSetTier } from "../api/tier";

export type TierMode = "escalate" | "relax" | "request";

export function TierDialog({
  incidentId,
  mode,
  choices,
  onClose,
}: {
  incidentId: string;
  mode: TierMode;
  choices: readonly ResponseTier[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const setTier = useSetTier();
  const request = useRequestEscalation();

  function submit(v: { tier: ResponseTier; reason: string }) {
    const body = { incidentId, ...v };
    const onError = (e: Error) => void message.error(t("errors.generic", { message: e.message }));
    if (mode === "request")
      request.mutate(body, {
        onSuccess: () => {
          void message.info(t("incident.requested"));
          onClose();
        },
        onError,
      });
    else setTier.mutate(body, { onSuccess: onClose, onError });
  }

  return (
    <Modal
      open
      title={t(mode === "request" ? "incident.requestEscalation" : `incident.${mode}`)}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" initialValues={{ tier: choices[mode === "relax" ? choices.length - 1 : 0] }} onFinish={submit}>
        <Form.Item name="tier" label={t("incident.targetTier")}>
          <Select options={choices.map((c) => ({ value: c, label: t(`tiers.${c}`) }))} data-testid="tier-select" />
        </Form.Item>
        <Form.Item name="reason" label={t("incident.reason")} rules={[{ required: true, min: 2, message: t("incident.reasonRequired") }]}>
          <Input.TextArea rows={2} data-testid="tier-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={setTier.isPending || request.isPending} data-testid="tier-confirm">
          {t("incident.confirm")}
        </Button>
      </Form>
    </Modal>
  );
}
