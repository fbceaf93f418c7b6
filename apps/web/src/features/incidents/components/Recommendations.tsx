// Ranked units for the selected incident: ETA (with the age of the fix it rests on, when old), distance,
// leader, crew, station; "where from, how many" per station. A row's button dispatches through the same
// guard as D (a second unit asks first). The top unit's button lives in the DispatchBar, always in view.
import type { Recommendation } from "@onemap/shared";
import { Alert, Button, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { formatDuration } from "../../../i18n";
import { useRecommendations } from "../api/recommendations";
import { useDispatchAction } from "../hooks/useDispatchAction";

export function Recommendations({ incidentId, canDispatch }: { incidentId: string; canDispatch: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useRecommendations(incidentId);
  const { press, pending, refusal } = useDispatchAction(incidentId);
  if (error) return <Alert type="error" title={error.message} />;
  if (!data) return null;
  return (
    <section data-testid="recommendations">
      <div className="onemap-section-head">
        <strong>{t("recs.title")}</strong>
      </div>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ margin: "4px 0" }} data-testid="dispatch-refused" />}
      {data.byStation.length > 0 && (
        <div className="onemap-muted" style={{ marginBottom: 4 }} data-testid="by-station">
          {t("recs.whereFrom")}:{" "}
          {data.byStation
            .slice(0, 5)
            .map((s) => `${s.stationName} ${s.within3km}/${s.within5km}/${s.within10km}`)
            .join(" · ")}
        </div>
      )}
      {data.recommendations.length === 0 ? (
        <span className="onemap-muted">{t("recs.none")}</span>
      ) : (
        // a plain table: one line per unit, no wrapping (and none of antd Table's weight in the first load)
        <div className="onemap-recs-wrap">
          <table className="onemap-recs">
            <thead>
              <tr>
                <th>{t("recs.callsign")}</th>
                <th>{t("recs.eta")}</th>
                <th>{t("recs.distance")}</th>
                <th>{t("recs.leader")}</th>
                <th>{t("recs.members")}</th>
                <th>{t("recs.station")}</th>
                {canDispatch && <th />}
              </tr>
            </thead>
            <tbody>
              {data.recommendations.slice(0, 8).map((r: Recommendation) => (
                <tr key={r.unitId} data-testid="rec-row">
                  <td>
                    <b>{r.callsign}</b> <span className="onemap-muted">{t(`unitKind.${r.kind}`)}</span>
                    {r.reinforcementGroup && <Tag color="magenta">{t(`groups.${r.reinforcementGroup}`)}</Tag>}
                  </td>
                  <td>
                    {t("recs.minutes", { n: Math.max(1, Math.round(r.etaS / 60)) })}
                    {r.stale && (
                      <Tooltip title={t("recs.staleEta", { age: formatDuration(r.lastFixAgeS) })}>
                        <Tag color="warning" className="onemap-stale-tag" data-testid="stale-fix">
                          {t("recs.fixAgeShort", { age: formatDuration(r.lastFixAgeS) })}
                        </Tag>
                      </Tooltip>
                    )}
                  </td>
                  <td>{t("recs.km", { n: (r.distanceM / 1000).toFixed(1) })}</td>
                  <td>{r.leader?.name ?? "—"}</td>
                  <td>{r.memberCount}</td>
                  <td>{r.stationName}</td>
                  {canDispatch && (
                    <td>
                      <Button size="small" onClick={() => press(r)} disabled={pending} data-testid="dispatch-row">
                        {t("recs.dispatch")}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
