// The selected incident. At the top, always in view: its one action (dispatch, or hand over a
// non-police call). Then what, where, who called (name and a tel: link), when the call started and how
// long call-taking took, its tier with the one leader who leads it and the activated groups;
// escalate/relax or request escalation; other actions; live assignment progress; the recommendations;
// the cameras around it; the timeline.
import type { IncidentCategory, Me, Priority } from "@onemap/shared";
import { isOpenIncident } from "@onemap/shared/vocabulary";
import { Button, Collapse, Tag } from "antd";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { categoryLabel, formatDuration, formatTime } from "../../../i18n";
import { useLive } from "../../../realtime/store";
import { PRIORITY_COLOUR, TIER_COLOUR } from "../../../ui/colours";
import { Panel } from "../../../ui/Panel";
import { ui, useUi } from "../../../ui/store";
import { useNow } from "../../../ui/useNow";
import { NearbyCameras } from "../../cameras";
import { useIncident } from "../api/incident";
import { useRecommendations } from "../api/recommendations";
import { Assignments } from "./Assignments";
import { DispatchBar } from "./DispatchBar";
import { IncidentActions } from "./IncidentActions";
import { Recommendations } from "./Recommendations";
import { TierControls } from "./TierControls";

function Fact({ label, children, testid }: { label: string; children: ReactNode; testid?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </>
  );
}

export function IncidentDetail({ me }: { me: Me }) {
  const { t } = useTranslation();
  const id = useUi((s) => s.selectedIncidentId);
  const cameraOpen = useUi((s) => s.cameraId !== null);
  const incident = useLive((s) => (id ? s.incidents[id] : undefined));
  const detail = useIncident(id);
  const recs = useRecommendations(id, me.role !== "ADMIN");
  const now = useNow(1000);
  const scroller = useRef<HTMLDivElement>(null);

  // a camera panel closed, or another incident chosen: the panel shows the incident from its top again
  useEffect(() => {
    if (!cameraOpen && id) scroller.current?.scrollTo({ top: 0 });
  }, [cameraOpen, id]);

  if (!id || !incident) return null;
  const full =
    detail.data && detail.data.version >= (incident.version ?? 0) ? { ...incident, ...detail.data } : { ...detail.data, ...incident };
  // who leads: the commander set by the tier, else the leader on duty who commands at this tier — said once
  const rostered = recs.data?.commandingLeader;
  const commander = full.commandingOfficer ?? rostered?.officer ?? null;
  const commanderRole = !full.commandingOfficer && rostered ? t(`dutyRoles.${rostered.role}`) : commander?.title;
  const groups = full.activatedGroups ?? [];
  const open = isOpenIncident(incident);
  const callStart = full.callStartedAt ?? incident.reportedAt;
  const takingS = (Date.parse(incident.reportedAt) - Date.parse(callStart)) / 1000;
  const canAct = me.role !== "ADMIN";
  return (
    <div className="onemap-detail-scroll" ref={scroller}>
      <Panel
        className="onemap-detail"
        data-testid="incident-detail"
        title={
          <span>
            <b style={{ color: PRIORITY_COLOUR[incident.priority as Priority] }}>{incident.priority}</b> {categoryLabel(incident.category)}{" "}
            · {incident.number}
          </span>
        }
        extra={
          <Button size="small" type="text" onClick={() => ui.select(null)}>
            {t("incident.close")} (Esc)
          </Button>
        }
      >
        {open && canAct && (
          <div className="onemap-detail-actions">
            <DispatchBar key={incident.id} incidentId={incident.id} category={incident.category as IncidentCategory} />
          </div>
        )}
        <dl className="onemap-facts">
          <Fact label={t("incident.callStarted")} testid="call-started">
            {formatTime(callStart)}
            {takingS >= 1 && <span className="onemap-muted"> · {t("incident.callTaking", { duration: formatDuration(takingS) })}</span>}
            {" · "}
            <span className="onemap-timer">{formatDuration((now - Date.parse(callStart)) / 1000)}</span>
          </Fact>
          <Fact label={t("incident.tier")}>
            <Tag color={TIER_COLOUR[incident.tier]} data-testid="incident-tier">
              {t(`tiers.${incident.tier}`)}
            </Tag>
            <Tag>{t(`incidentStatus.${incident.status}`)}</Tag>
          </Fact>
          {full.address && <Fact label={t("form.address")}>{full.address}</Fact>}
          {(full.callerName || full.callerPhone) && (
            <Fact label={t("incident.caller")} testid="caller">
              {full.callerName ?? <span className="onemap-muted">{t("incident.noCaller")}</span>}
              {full.callerPhone && (
                <>
                  {" · "}
                  <a href={`tel:${full.callerPhone.replace(/[^0-9+]/g, "")}`} data-testid="caller-phone">
                    {full.callerPhone}
                  </a>
                </>
              )}
            </Fact>
          )}
          <Fact label={t("incident.commander")}>
            <span data-testid="commanding-officer">
              {commander
                ? commanderRole
                  ? t("incident.commanderDuty", { name: commander.name, role: commanderRole })
                  : commander.name
                : "—"}
            </span>
            {commander?.phone && (
              <>
                {" · "}
                <a href={`tel:${commander.phone.replace(/[^0-9+]/g, "")}`}>{commander.phone}</a>
              </>
            )}
          </Fact>
          <Fact label={t("incident.groups")}>
            <span data-testid="activated-groups">
              {groups.length === 0
                ? t("incident.noGroups")
                : groups.map((g) => (
                    <Tag key={g} color="magenta">
                      {t(`groups.${g}`)}
                    </Tag>
                  ))}
            </span>
          </Fact>
        </dl>
        {full.description && <p style={{ margin: "0 0 6px" }}>{full.description}</p>}
        {full.escalationRequested && (
          <Tag color="volcano" style={{ marginBottom: 6 }}>
            {t("queue.escalationRequested", { tier: t(`tiers.${full.escalationRequested}`) })}
          </Tag>
        )}
        {open && <TierControls key={incident.id} incidentId={incident.id} tier={incident.tier} role={me.role} />}
        {canAct && (
          <div style={{ marginTop: 6 }}>
            <IncidentActions key={incident.id} incident={full} />
          </div>
        )}
        <div style={{ marginTop: 8 }}>
          <strong>{t("incident.assignments")}</strong>
          <Assignments assignments={full.assignments ?? []} />
        </div>
        {open && canAct && (
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
                  <ul className="onemap-timeline" data-testid="timeline">
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
      </Panel>
    </div>
  );
}
