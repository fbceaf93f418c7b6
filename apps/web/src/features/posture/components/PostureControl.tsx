// The county posture at a glance (a banner at Level II and I); duty leaders change it with a reason.
import { type ResponseTier, ResponseTier as Tiers } from "@onemap/shared";
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLive } from "../../../realtime/store";
import { usePutPosture } from "../api/put-posture";

export const TIER_COLOUR: Record<ResponseTier, string> = { ROUTINE: "default", LEVEL_III: "gold", LEVEL_II: "orange", LEVEL_I: "red" };

export function PostureTag({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const posture = useLive((s) => s.posture ?? s.board?.posture);
  const [open, setOpen] = useState(false);
  const put = usePutPosture();
  const { message } = AntApp.useApp();
  if (!posture) return null;
  return (
    <>
      <Tag color={TIER_COLOUR[posture.level]} data-testid="posture">
        {t("posture.label")}: {t(`tiers.${posture.level}`)}
      </Tag>
      {canChange && (
        <Button size="small" ghost onClick={() => setOpen(true)} data-testid="posture-change">
          {t("posture.change")}
        </Button>
      )}
      <Modal open={open} title={t("posture.change")} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form
          layout="vertical"
          initialValues={{ level: posture.level }}
          onFinish={(v: { level: ResponseTier; reason: string }) =>
            put.mutate(v, {
              onSuccess: () => setOpen(false),
              onError: (e) => void message.error(t("errors.generic", { message: e.message })),
            })
          }
        >
          <Form.Item name="level" label={t("incident.targetTier")}>
            <Select options={Tiers.options.map((l) => ({ value: l, label: t(`tiers.${l}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t("incident.reason")} rules={[{ required: true, min: 2, message: t("incident.reasonRequired") }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={put.isPending}>
            {t("incident.confirm")}
          </Button>
        </Form>
      </Modal>
    </>
  );
}

/** Level II and I: a banner across the board, with the reason and the grids short of patrols */
export function PostureBanner() {
  const { t } = useTranslation();
  const posture = useLive((s) => s.posture ?? s.board?.posture);
  const under = useLive((s) => s.posture?.grids.filter((g) => g.underMinimum).length ?? 0);
  if (!posture || (posture.level !== "LEVEL_I" && posture.level !== "LEVEL_II")) return null;
  return (
    <Alert
      banner
      type={posture.level === "LEVEL_I" ? "error" : "warning"}
      data-testid="posture-banner"
      title={
        <span>
          <b>{t("posture.banner", { level: t(`tiers.${posture.level}`), reason: posture.reason ?? "" })}</b>
          {under > 0 && <span style={{ marginLeft: 16 }}>{t("posture.underMinimum", { count: under })}</span>}
        </span>
      }
    />
  );
}
