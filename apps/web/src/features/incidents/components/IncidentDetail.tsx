// The selected incident: what, where, how long; its tier with the commanding leader and the activated
// reinforcement groups; escalate/relax (leaders) or request escalation; the recommendations and one-click
// dispatch; live assignment progress; the cameras around it.
import type { Me, Priority } from "@onemap/shared";
import { Button, Card, Collapse, Descriptions, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDuration, formatTime } from "../../../i18n";
import { PRIORITY_COLOUR } from "../../../map/IncidentsLayer";
import { isOpen, useLive } from "../../../realtime/store";
import { ui, useUi } from "../../../ui/store";
import { useNow } from "../../../ui/useNow";
import { NearbyCameras } from "../../cameras/components/NearbyCameras";
import { TIER_COLOUR } from "../../posture/components/PostureControl";
import { useIncident } from "../api/incident";
import { useRecommendations } from "../api/recommendations";
import { Assignments } from "./Assignments";
import { IncidentActions } from "./IncidentActions";
import { Recommendations } from "./Recommendations";
import { TierControls } from "./TierControls";

export function IncidentDetail({ me }: { me: Me }) {
  const { t } = useTranslation();
  const id = useUi((s) => s.selectedIncidentId);
  const incident = useLive((s) => (id ? s.incidents[id] : undefined));
  const detail = useIncident(id);
  const recs = useRecommendations(id, me.role !== "ADMIN");
  const now = useNow(1000);

  if (!id || !incident) return null;
  const full =
    detail.data && detail.data.version >= (incident.version ?? 0) ? { ...incident, ...detail.data } : { ...detail.data, ...incident };
  // who leads: the commander set by the tier, else the leader on duty who commands at this tier
  const commander = full.commandingOfficer ?? recs.data?.commandingLeader?.officer ?? null;
  const groups = full.activatedGroups ?? [];
  const open = isOpen(incident);
  return (
    <Card
      size="small"
      className="onemap-detail"
      data-testid="incident-detail"
      title={
        <span>
          <b style={{ color: PRIORITY_COLOUR[incident.priority as Priority] }}>{incident.priority}</b>{" "}
          {t(`categories.${incident.category}`)} · {incident.number}
        </span>
      }
      extra={
        <Button size="small" type="text" onClick={() => ui.select(null)}>
          {t("incident.close")} (Esc)
        </Button>
      }
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t("incident.reported")}>
          {formatTime(incident.reportedAt)} ·{" "}
          <span className="onemap-timer">{formatDuration((now - Date.parse(incident.reportedAt)) / 1000)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("incident.tier")}>
          <Tag color={TIER_COLOUR[incident.tier]} data-testid="incident-tier">
            {t(`tiers.${incident.tier}`)}
          </Tag>
          <Tag>{t(`incidentStatus.${incident.status}`)}</Tag>
        </Descriptions.Item>
        {full.address && <Descriptions.Item label={t("form.address")}>{full.address}</Descriptions.Item>}
        {full.callerName && (
          <Descriptions.Item label={t("form.callerName")}>
            {full.callerName} {full.callerPhone}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t("incident.commander")}>
          <span data-testid="commanding-officer">
            {commander ? `${commander.name}${commander.title ? ` (${commander.title})` : ""}` : "—"}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("incident.groups")}>
          <span data-testid="activated-groups">
            {groups.length === 0
              ? t("incident.noGroups")
              : groups.map((g) => (
                  <Tag key={g} color="magenta">
                    {t(`groups.${g}`)}
                  </Tag>
                ))}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {full.description && <Typography.Paragraph style={{ marginBottom: 6 }}>{full.description}</Typography.Paragraph>}
      {full.escalationRequested && (
        <Tag color="volcano" style={{ marginBottom: 6 }}>
          {t("queue.escalationRequested", { tier: t(`tiers.${full.escalationRequested}`) })}
        </Tag>
      )}
      {open && <TierControls key={incident.id} incidentId={incident.id} tier={incident.tier} role={me.role} />}
      {me.role !== "ADMIN" && (
        <div style={{ marginTop: 6 }}>
          <IncidentActions key={incident.id} incident={full} />
        </div>
      )}
      <div style={{ marginTop: 8 }}>
        <Typography.Text strong>{t("incident.assignments")}</Typography.Text>
        <Assignments assignments={full.assignments ?? []} />
      </div>
      {open && me.role !== "ADMIN" && (
        <div style={{ marginTop: 8 }}>
          <Recommendations key={incident.id} incidentId={incident.id} canDispatch />
        </div>
      )}
      <div style={{ marginTop: 8 }}>
        <NearbyCameras />
      </div>
      {detail.data && detail.data.timeline.length > 0 && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: "timeline",
              label: t("incident.timeline"),
              children: (
                <ul className="onemap-timeline">
                  {detail.data.timeline.map((e) => (
                    <li key={e.id}>
                      {formatTime(e.at)} · {t(`events.${e.type}`, { defaultValue: e.type })}
                      {e.actor ? ` · ${e.actor.displayName}` : ""}
                      {e.type === "note" ? ` · ${(e.after as { text?: string } | null)?.text ?? ""}` : ""}
                      {e.reason ? ` · ${e.reason}` : ""}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
