// Graded response on one incident: duty leaders escalate or relax with a reason; operators and station
// chiefs ask for escalation instead (the duty leader decides). The dialog loads when opened.
import type { Me, ResponseTier } from "@onemap/shared";
import { RESPONSE_TIERS } from "@onemap/shared/vocabulary";
import { Button, Space } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TierMode } from "./TierDialog";

const TierDialog = lazy(() => import("./TierDialog").then((m) => ({ default: m.TierDialog })));

export function TierControls({ incidentId, tier, role }: { incidentId: string; tier: ResponseTier; role: Me["role"] }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<TierMode | null>(null);
  const index = RESPONSE_TIERS.indexOf(tier);
  const higher = RESPONSE_TIERS.slice(index + 1);
  const lower = RESPONSE_TIERS.slice(0, index);
  const leader = role === "DUTY_LEADER";
  const canRequest = role === "OPERATOR" || role === "STATION_CHIEF";

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
      {mode && (
        <Suspense fallback={null}>
          <TierDialog incidentId={incidentId} mode={mode} choices={mode === "relax" ? lower : higher} onClose={() => setMode(null)} />
        </Suspense>
      )}
    </Space>
  );
}
