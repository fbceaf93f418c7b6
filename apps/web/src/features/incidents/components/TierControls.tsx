// Graded response on one incident: duty leaders escalate or relax with a reason; operators and station
// chiefs ask for escalation instead (the duty leader decides).
import type { Me, ResponseTier } from "@onemap/shared";
import { RESPONSE_TIERS } from "@onemap/shared/vocabulary";
import { App as AntApp, Button, Form, Input, Modal, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRequestEscalation } from "../api/escalation-request";
import { useSetTier } from "../api/tier";

type Mode = "escalate" | "relax" | "request";

export function TierControls({ incidentId, tier, role }: { incidentId: string; tier: ResponseTier; role: Me["role"] }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [mode, setMode] = useState<Mode | null>(null);
  const setTier = useSetTier();
  const request = useRequestEscalation();
  const index = RESPONSE_TIERS.indexOf(tier);
  const higher = RESPONSE_TIERS.slice(index + 1);
  const lower = RESPONSE_TIERS.slice(0, index);
  const leader = role === "DUTY_LEADER";
  const canRequest = role === "OPERATOR" || role === "STATION_CHIEF";
  const choices = mode === "relax" ? lower : higher;

  function submit(v: { tier: ResponseTier; reason: string }) {
    const body = { incidentId, ...v };
    const onError = (e: Error) => void message.error(t("errors.generic", { message: e.message }));
    if (mode === "request")
      request.mutate(body, {
        onSuccess: () => {
          void message.info(t("incident.requested"));
          setMode(null);
        },
        onError,
      });
    else
      setTier.mutate(body, {
        onSuccess: () => {
          setMode(null);
        },
        onError,
      });
  }

  return (
    <Space wrap>
      {leader && higher.length > 0 && (
        <Button size="small" danger onClick={() => setMode("escalate")} data-testid="escalate">
          {t("incident.escalate")}
        </Button>
      )}
      {leader && lower.length > 0 && (
        <Button size="small" onClick={() => setMode("relax")} data-testid="relax">
          {t("incident.relax")}
        </Button>
      )}
      {canRequest && higher.length > 0 && (
        <Button size="small" onClick={() => setMode("request")} data-testid="request-escalation">
          {t("incident.requestEscalation")}
        </Button>
      )}
      <Modal
        open={mode !== null}
        title={mode ? t(mode === "request" ? "incident.requestEscalation" : `incident.${mode}`) : ""}
        footer={null}
        onCancel={() => setMode(null)}
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
    </Space>
  );
}
