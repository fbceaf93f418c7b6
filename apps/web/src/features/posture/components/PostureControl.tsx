// The county posture at a glance (a banner at Level II and I); duty leaders change it with a reason.
import type { ResponseTier } from "@onemap/shared";
import { RESPONSE_TIERS } from "@onemap/shared/vocabulary";
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { categoryLabel } from "../../../i18n";
import { isOpen, useLive } from "../../../realtime/store";
import { ui } from "../../../ui/store";
import { usePutPosture } from "../api/put-posture";

const rank = (tier: ResponseTier) => RESPONSE_TIERS.indexOf(tier);

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
            <Select options={RESPONSE_TIERS.map((l) => ({ value: l, label: t(`tiers.${l}`) }))} data-testid="posture-level" />
          </Form.Item>
          <Form.Item name="reason" label={t("incident.reason")} rules={[{ required: true, min: 2, message: t("incident.reasonRequired") }]}>
            <Input.TextArea rows={2} data-testid="posture-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={put.isPending} data-testid="posture-confirm">
            {t("incident.confirm")}
          </Button>
        </Form>
      </Modal>
    </>
  );
}

/** Level II and I — the county posture or any open incident — put a banner across the board: the
 * reason, the grids short of patrols, and for an incident its commanding leader and reinforcement. */
export function PostureBanner() {
  const { t } = useTranslation();
  const posture = useLive((s) => s.posture ?? s.board?.posture);
  const under = useLive((s) => s.posture?.grids.filter((g) => g.underMinimum).length ?? 0);
  const incidents = useLive((s) => s.incidents);
  const major = Object.values(incidents)
    .filter((i) => isOpen(i) && (i.tier === "LEVEL_I" || i.tier === "LEVEL_II"))
    .sort((a, b) => rank(b.tier) - rank(a.tier));
  const countyRaised = posture && (posture.level === "LEVEL_I" || posture.level === "LEVEL_II");
  if (!countyRaised && major.length === 0) return null;
  const levels = [...(countyRaised ? [posture.level] : []), ...major.map((i) => i.tier)];
  const top = levels.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  return (
    <Alert
      banner
      type={top === "LEVEL_I" ? "error" : "warning"}
      data-testid="posture-banner"
      title={
        <span className="onemap-banner">
          {countyRaised && (
            <span>
              <b>{t("posture.banner", { level: `${t("posture.label")} ${t(`tiers.${posture.level}`)}`, reason: posture.reason ?? "" })}</b>
              {under > 0 && <span> · {t("posture.underMinimum", { count: under })}</span>}
            </span>
          )}
          {major.map((i) => (
            <button type="button" key={i.id} className="onemap-link" onClick={() => ui.select(i.id)} data-testid="banner-incident">
              <b>{t(`tiers.${i.tier}`)}</b> {i.number} {categoryLabel(i.category)}
              {i.commandingOfficer && ` · ${t("incident.commander")} ${i.commandingOfficer.name}`}
              {(i.activatedGroups ?? []).length > 0 && ` · ${(i.activatedGroups ?? []).map((g) => t(`groups.${g}`)).join("、")}`}
            </button>
          ))}
        </span>
      }
    />
  );
}
