// The county posture at a glance (a banner at Level II and I); duty leaders change it with a reason.
import { isMajorTier, isOpenIncident, tierRank } from "@onemap/shared/vocabulary";
import { Alert, Button, Tag } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { categoryLabel } from "../../../i18n";
import { useLive } from "../../../realtime/store";
import { TIER_COLOUR } from "../../../ui/colours";
import { ui } from "../../../ui/store";

// the dialog (antd form and select) loads when a leader opens it, not with the board
const PostureDialog = lazy(() => import("./PostureDialog").then((m) => ({ default: m.PostureDialog })));

export function PostureTag({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const posture = useLive((s) => s.posture ?? s.board?.posture);
  const [open, setOpen] = useState(false);
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
      {open && (
        <Suspense fallback={null}>
          <PostureDialog level={posture.level} onClose={() => setOpen(false)} />
        </Suspense>
      )}
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
    .filter((i) => isOpenIncident(i) && isMajorTier(i.tier))
    .sort((a, b) => tierRank(b.tier) - tierRank(a.tier));
  const countyRaised = posture && isMajorTier(posture.level);
  if (!countyRaised && major.length === 0) return null;
  const levels = [...(countyRaised ? [posture.level] : []), ...major.map((i) => i.tier)];
  const top = levels.reduce((a, b) => (tierRank(b) > tierRank(a) ? b : a));
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
