// Ranked units for the selected incident: ETA, distance, leader, crew, station, last-fix age; "where
// from, how many" per station. One click (or D) dispatches; a refusal (409: taken by someone else) is
// shown plainly with the server's reason, which names the incident holding the unit.
import type { Recommendation } from "@onemap/shared";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { formatDuration } from "../../../i18n";
import { useDispatch } from "../api/dispatch";
import { recommendationsQuery, useRecommendations } from "../api/recommendations";

export function useDispatchUnit(incidentId: string) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const dispatch = useDispatch();
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const send = (unit: Pick<Recommendation, "unitId" | "callsign">) => {
    setRefusal(null);
    dispatch.mutate(
      { incidentId, unitIds: [unit.unitId], key: crypto.randomUUID() },
      {
        onSuccess: () => {
          // the unit is no longer available: do not offer it again (a second D would only meet a 409)
          void client.invalidateQueries({ queryKey: recommendationsQuery(incidentId).queryKey });
          void message.success(t("recs.dispatched", { callsign: unit.callsign }));
        },
        onError: (e) => {
          const text = t("recs.taken", { message: e.message });
          if (e instanceof ApiError && e.status === 409) setRefusal(text);
          else void message.error(text);
        },
      },
    );
  };
  return { send, pending: dispatch.isPending, refusal };
}

export function Recommendations({ incidentId, canDispatch }: { incidentId: string; canDispatch: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useRecommendations(incidentId);
  const { send, pending, refusal } = useDispatchUnit(incidentId);
  if (error) return <Alert type="error" title={error.message} />;
  if (!data) return null;
  const top = data.recommendations[0];
  return (
    <section data-testid="recommendations">
      <div className="onemap-section-head">
        <Typography.Text strong>{t("recs.title")}</Typography.Text>
        {canDispatch && top && (
          <Button
            type="primary"
            danger
            onClick={() => send(top)}
            loading={pending}
            data-testid="dispatch-top"
            data-callsign={top.callsign}
            title="D"
          >
            {t("recs.dispatchTop", { callsign: top.callsign })} (D)
          </Button>
        )}
      </div>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ margin: "4px 0" }} data-testid="dispatch-refused" />}
      <div className="onemap-summary" data-testid="who-leads">
        <b>{t("recs.whoLeads")}</b>{" "}
        {data.commandingLeader
          ? `${data.commandingLeader.officer.name}（${t(`dutyRoles.${data.commandingLeader.role}`)}）${data.commandingLeader.officer.phone ? ` ${data.commandingLeader.officer.phone}` : ""}`
          : "—"}
        {data.commander &&
          data.commander.id !== data.commandingLeader?.officer.id &&
          ` · ${t("dutyRoles.COMMANDER")} ${data.commander.name}`}
      </div>
      {data.byStation.length > 0 && (
        <div className="onemap-muted" style={{ marginTop: 6 }} data-testid="by-station">
          {t("recs.whereFrom")}:{" "}
          {data.byStation
            .slice(0, 5)
            .map((s) => `${s.stationName} ${s.within3km}/${s.within5km}/${s.within10km}`)
            .join(" · ")}
        </div>
      )}
      {data.recommendations.length === 0 ? (
        <Typography.Text type="secondary">{t("recs.none")}</Typography.Text>
      ) : (
        <Table<Recommendation>
          size="small"
          pagination={false}
          rowKey="unitId"
          dataSource={data.recommendations.slice(0, 8)}
          columns={[
            {
              title: t("recs.callsign"),
              dataIndex: "callsign",
              render: (v: string, r) => (
                <span>
                  <b>{v}</b> <span className="onemap-muted">{t(`unitKind.${r.kind}`)}</span>
                  {r.reinforcementGroup && <Tag color="magenta">{t(`groups.${r.reinforcementGroup}`)}</Tag>}
                </span>
              ),
            },
            { title: t("recs.eta"), dataIndex: "etaS", render: (v: number) => t("recs.minutes", { n: Math.max(1, Math.round(v / 60)) }) },
            { title: t("recs.distance"), dataIndex: "distanceM", render: (v: number) => t("recs.km", { n: (v / 1000).toFixed(1) }) },
            { title: t("recs.leader"), render: (_, r) => r.leader?.name ?? "—" },
            { title: t("recs.members"), dataIndex: "memberCount" },
            { title: t("recs.station"), dataIndex: "stationName" },
            {
              title: t("recs.fixAge"),
              dataIndex: "lastFixAgeS",
              render: (v: number, r) =>
                r.stale ? (
                  <Tooltip title={t("recs.stale")}>
                    <Tag color="default">{formatDuration(v)}</Tag>
                  </Tooltip>
                ) : (
                  formatDuration(v)
                ),
            },
            ...(canDispatch
              ? [
                  {
                    title: "",
                    render: (_: unknown, r: Recommendation) => (
                      <Button size="small" onClick={() => send(r)} disabled={pending}>
                        {t("recs.dispatch")}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </section>
  );
}
