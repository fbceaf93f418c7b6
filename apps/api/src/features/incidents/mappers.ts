import type { Prisma } from "@onemap/db";
import { activatedGroups } from "@onemap/domain";
import type { AssignmentView, Incident, IncidentCategory, TransferDepartment } from "@onemap/shared";
import { toIncidentSummary } from "../resources/mappers";

export const incidentInclude = {
  assignments: { include: { unit: { select: { callsign: true, kind: true } } }, orderBy: { dispatchedAt: "asc" } },
  commandingOfficer: { select: { id: true, name: true, title: true, phone: true } },
} satisfies Prisma.IncidentInclude;

export type IncidentRow = Prisma.IncidentGetPayload<{ include: typeof incidentInclude }>;
type AssignmentRow = IncidentRow["assignments"][number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const seconds = (a: Date | null, b: Date | null) => (a && b ? Math.round((b.getTime() - a.getTime()) / 1000) : null);

export function toAssignment(a: AssignmentRow): AssignmentView {
  return {
    id: a.id,
    unitId: a.unitId,
    callsign: a.unit.callsign,
    unitKind: a.unit.kind,
    status: a.status,
    dispatchedAt: a.dispatchedAt.toISOString(),
    acknowledgedAt: iso(a.acknowledgedAt),
    enRouteAt: iso(a.enRouteAt),
    onSceneAt: iso(a.onSceneAt),
    clearedAt: iso(a.clearedAt),
  };
}

export function toIncident(i: IncidentRow, likelyDuplicateOf: Incident["likelyDuplicateOf"] = []): Incident {
  return {
    ...toIncidentSummary(i),
    category: i.category as IncidentCategory,
    callerName: i.callerName,
    callerPhone: i.callerPhone,
    description: i.description,
    duplicateOfId: i.duplicateOfId,
    likelyDuplicateOf,
    escalationRequested: i.escalationRequested,
    commandingOfficer: i.commandingOfficer,
    activatedGroups: activatedGroups(i.tier),
    transferDepartment: i.transferDepartment as TransferDepartment | null,
    caseLevel: i.caseLevel,
    caseRoute: i.caseRoute,
    callStartedAt: i.callStartedAt.toISOString(),
    dispatchedAt: iso(i.dispatchedAt),
    onSceneAt: iso(i.onSceneAt),
    resolvedAt: iso(i.resolvedAt),
    closedAt: iso(i.closedAt),
    callToDispatchS: seconds(i.callStartedAt, i.dispatchedAt),
    dispatchToArrivalS: seconds(i.dispatchedAt, i.onSceneAt),
    version: i.version,
    assignments: i.assignments.map(toAssignment),
  };
}
