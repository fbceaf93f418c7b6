// Each dispatched unit's progress — dispatched, acknowledged, en route, on scene, clear — updated live.
import type { AssignmentView } from "@onemap/shared";
import { ASSIGNMENT_STATUSES, type AssignmentStatusName } from "@onemap/shared/vocabulary";
import { useTranslation } from "react-i18next";
import { formatTime } from "../../../i18n";

/** the steps an assignment moves through, in order (a cancelled one shows them all struck off) */
type Step = Exclude<AssignmentStatusName, "CANCELLED">;
const STEPS = ASSIGNMENT_STATUSES.filter((s): s is Step => s !== "CANCELLED");
const stamp = (a: AssignmentView, s: Step) =>
  ({ DISPATCHED: a.dispatchedAt, ACKNOWLEDGED: a.acknowledgedAt, EN_ROUTE: a.enRouteAt, ON_SCENE: a.onSceneAt, CLEARED: a.clearedAt })[s];

export function Assignments({ assignments }: { assignments: AssignmentView[] }) {
  const { t } = useTranslation();
  if (assignments.length === 0) return <span className="onemap-muted">{t("incident.noAssignments")}</span>;
  return (
    <div data-testid="assignments">
      {assignments.map((a) => {
        const current = a.status === "CANCELLED" ? 0 : STEPS.indexOf(a.status as Step);
        return (
          <div key={a.id} className="onemap-assignment" data-testid="assignment" data-unit={a.callsign} data-status={a.status}>
            <b>{a.callsign}</b> <span className="onemap-muted">{t(`assignmentStatus.${a.status}`)}</span>
            <ol className="onemap-steps">
              {STEPS.map((step, i) => {
                const at = stamp(a, step);
                const state =
                  a.status === "CANCELLED" ? "off" : i < current || a.status === "CLEARED" ? "done" : i === current ? "now" : "todo";
                return (
                  <li key={step} className={`is-${state}`}>
                    <span>{t(`assignmentStatus.${step}`)}</span>
                    <time>{at ? formatTime(at) : "—"}</time>
                  </li>
                );
              })}
            </ol>
          </div>
        );
      })}
    </div>
  );
}
