// Administrators add, change and remove the county's stations, officers, grids, units and cameras (issue 12).
// The rules: a body's references must be in service; a natural key (code, badge number, callsign) is
// the county's once, retired rows included; something still held (a station with units, a unit on an
// open incident, an officer leading a unit or owning a grid) cannot go; what history points to is
// retired, not erased (ADR 0010). Every change is audited in its own transaction and reaches the boards.

import { findGrid } from "@onemap/domain";
import type {
  CreateCameraBody,
  CreateOfficerBody,
  CreateReinforcementGroupBody,
  CreateStationBody,
  CreateUnitBody,
  ErrorIssue,
  PatchReinforcementGroupBody,
  ReinforcementGroup,
} from "@onemap/shared";
import { FIELD_MESSAGES, type PatchCameraBody, type PatchOfficerBody, type PatchStationBody, type PatchUnitBody } from "@onemap/shared";
import type { Requester } from "../../actor";
import type { Tx } from "../../database";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors";
import type { AuditService } from "../audit/service";
import { toCamera, toOfficer, toStation, toUnit } from "../resources/mappers";
import { createGridAdministration } from "./grids";
import { gridsRepository } from "./grids-repository";
import type { AdministrationRepository } from "./repository";
import { assertInService, newId, type Removal, recorder, retired, taken } from "./rules";

const toGroup = (g: {
  id: string;
  kind: ReinforcementGroup["kind"];
  name: string;
  activatesAtTier: ReinforcementGroup["activatesAtTier"];
  _count: { units: number };
}): ReinforcementGroup => ({
  id: g.id,
  kind: g.kind,
  name: g.name,
  activatesAtTier: g.activatesAtTier,
  unitCount: g._count.units,
});

export function createAdministrationService(deps: {
  repository: AdministrationRepository;
  audit: AuditService;
  /** the boards of these stations (and the county's) reload what they draw */
  changed: (stationIds: readonly string[]) => void;
  /** this process's grid cache reloads: the next call is filed under the grids as saved */
  gridsChanged: () => Promise<void>;
}) {
  const { repository: repo, audit, changed } = deps;
  const record = recorder(audit);
  const grids = createGridAdministration(deps);

  /** the references a body names, each in service, or a 400 listing every one that is not */
  async function checkReferences(
    tx: Tx,
    refs: {
      stationId?: string | undefined;
      gridId?: string | null | undefined;
      leaderId?: string | null | undefined;
      crewIds?: readonly string[] | undefined;
    },
    stationField = "stationId",
  ) {
    const issues: ErrorIssue[] = [];
    if (refs.stationId !== undefined && !(await repo.stationInService(tx, refs.stationId)))
      issues.push({ path: `body.${stationField}`, message: FIELD_MESSAGES.no_such_station, code: "field:no_such_station" });
    if (refs.gridId && !(await repo.gridInService(tx, refs.gridId)))
      issues.push({ path: "body.gridId", message: FIELD_MESSAGES.no_such_grid, code: "field:no_such_grid" });
    if (refs.leaderId && !(await repo.officerInService(tx, refs.leaderId)))
      issues.push({ path: "body.leaderId", message: FIELD_MESSAGES.no_such_officer, code: "field:no_such_officer" });
    if (refs.crewIds?.length && (await repo.officersInService(tx, refs.crewIds)).length !== refs.crewIds.length)
      issues.push({ path: "body.crewIds", message: FIELD_MESSAGES.no_such_officer, code: "field:no_such_officer" });
    if (issues.length > 0) throw new BadRequestError(issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
  }

  return {
    ...grids,

    // ---------------------------------------------------------------- stations

    async createStation(by: Requester, body: CreateStationBody) {
      const row = await repo
        .transaction(async (tx) => {
          const created = await repo.createStation(tx, { id: newId("st"), ...body });
          await record(by, tx, "station.created", "station", created.id, undefined, toStation(created));
          return created;
        })
        .catch((error) => taken(error, "station", body.code));
      changed([row.id]);
      return toStation(row);
    },

    async patchStation(by: Requester, id: string, body: PatchStationBody) {
      const row = await repo
        .transaction(async (tx) => {
          const before = assertInService(await repo.findStation(tx, id), "station", (s) => s.name);
          const after = await repo.updateStation(tx, id, body);
          await record(by, tx, "station.changed", "station", id, toStation(before), toStation(after));
          return after;
        })
        .catch((error) => taken(error, "station", body.code));
      changed([id]);
      return toStation(row);
    },

    async removeStation(by: Requester, id: string): Promise<Removal> {
      const at = new Date();
      const outcome = await repo.transaction(async (tx) => {
        const station = assertInService(await repo.findStation(tx, id), "station", (s) => s.name);
        const holders = await repo.stationHolders(tx, id);
        const held = Object.entries(holders).filter(([, names]) => names.length > 0);
        if (held.length > 0) {
          const list = held.map(
            ([what, names]) => `${names.length} ${what} (${names.slice(0, 3).join(", ")}${names.length > 3 ? "…" : ""})`,
          );
          // `holders` in English for the log; per kind (units, unitsCount…) for the board to say in its language
          const each = Object.fromEntries(
            held.flatMap(([what, names]) => [
              [what, `${names.slice(0, 3).join(", ")}${names.length > 3 ? "…" : ""}`],
              [`${what}Count`, names.length],
            ]),
          );
          throw new ConflictError(`station ${station.name} still has ${list.join(", ")}`).coded("station_in_use", {
            station: station.name,
            holders: list.join(", "),
            ...each,
          });
        }
        if (await repo.stationHasHistory(tx, id)) {
          await repo.retire.station(tx, id, at);
          await record(by, tx, "station.retired", "station", id, toStation(station), { retiredAt: at.toISOString() });
          return retired(at);
        }
        await repo.deleteStation(tx, id);
        await record(by, tx, "station.deleted", "station", id, toStation(station), undefined);
        return { retired: false } as const;
      });
      changed([id]);
      return outcome;
    },

    // ---------------------------------------------------------------- officers

    async createOfficer(by: Requester, body: CreateOfficerBody) {
      const row = await repo
        .transaction(async (tx) => {
          await checkReferences(tx, { stationId: body.stationId });
          const created = await repo.createOfficer(tx, { id: newId("of"), ...body });
          await record(by, tx, "officer.created", "officer", created.id, undefined, toOfficer(created));
          return created;
        })
        .catch((error) => taken(error, "officer", body.badgeNo));
      changed([row.stationId]);
      return toOfficer(row);
    },

    async patchOfficer(by: Requester, id: string, body: PatchOfficerBody) {
      const { before, after } = await repo
        .transaction(async (tx) => {
          const before = assertInService(await repo.findOfficer(tx, id), "officer", (o) => o.name);
          await checkReferences(tx, { stationId: body.stationId });
          const after = await repo.updateOfficer(tx, id, body);
          await record(by, tx, "officer.changed", "officer", id, toOfficer(before), toOfficer(after));
          return { before, after };
        })
        .catch((error) => taken(error, "officer", body.badgeNo));
      changed([before.stationId, after.stationId]);
      return toOfficer(after);
    },

    async removeOfficer(by: Requester, id: string): Promise<Removal> {
      const at = new Date();
      const { officer, outcome } = await repo.transaction(async (tx) => {
        const officer = assertInService(await repo.findOfficer(tx, id), "officer", (o) => o.name);
        const holders = await repo.officerHolders(tx, id);
        if (holders.unit)
          throw new ConflictError(`${officer.name} leads unit ${holders.unit}`).coded("officer_in_use", {
            name: officer.name,
            holder: holders.unit,
          });
        if (holders.grid)
          throw new ConflictError(`${officer.name} owns grid ${holders.grid}`).coded("officer_in_use", {
            name: officer.name,
            holder: holders.grid,
          });
        if (await repo.officerHasHistory(tx, id)) {
          await repo.leaveCrews(tx, id);
          await repo.retire.officer(tx, id, at);
          await record(by, tx, "officer.retired", "officer", id, toOfficer(officer), { retiredAt: at.toISOString() });
          return { officer, outcome: retired(at) };
        }
        await repo.deleteOfficer(tx, id);
        await record(by, tx, "officer.deleted", "officer", id, toOfficer(officer), undefined);
        return { officer, outcome: { retired: false } as const };
      });
      changed([officer.stationId]);
      return outcome;
    },

    // ---------------------------------------------------------------- units

    async createUnit(by: Requester, body: CreateUnitBody) {
      const row = await repo
        .transaction(async (tx) => {
          await checkReferences(
            tx,
            { stationId: body.homeStationId, gridId: body.gridId, leaderId: body.leaderId, crewIds: body.crewIds },
            "homeStationId",
          );
          const group = body.reinforcementGroup ? await repo.groupByKind(tx, body.reinforcementGroup) : null;
          const inserted = await repo.createUnit(tx, {
            id: newId("un"),
            callsign: body.callsign,
            kind: body.kind,
            homeStationId: body.homeStationId,
            gridId: body.gridId ?? null,
            leaderId: body.leaderId ?? null,
            reinforcementGroupId: group?.id ?? null,
          });
          if (body.crewIds?.length) await repo.replaceCrew(tx, inserted.id, body.crewIds);
          const created = body.crewIds?.length ? ((await repo.findUnit(tx, inserted.id)) ?? inserted) : inserted;
          await record(by, tx, "unit.created", "unit", created.id, undefined, toUnit(created));
          return created;
        })
        .catch((error) => taken(error, "unit", body.callsign));
      changed([row.homeStationId]);
      return toUnit(row);
    },

    /** optimistic: `body.version` is the unit as the administrator saw it */
    async patchUnit(by: Requester, id: string, body: PatchUnitBody) {
      const { version, reinforcementGroup, crewIds, ...fields } = body;
      const { before, after } = await repo
        .transaction(async (tx) => {
          const before = assertInService(await repo.findUnit(tx, id), "unit", (u) => u.callsign);
          await checkReferences(
            tx,
            { stationId: fields.homeStationId, gridId: fields.gridId, leaderId: fields.leaderId, crewIds },
            "homeStationId",
          );
          // rolled back with the rest when the version turns out stale
          if (crewIds) await repo.replaceCrew(tx, id, crewIds);
          const group =
            reinforcementGroup === undefined
              ? undefined
              : reinforcementGroup === null
                ? null
                : await repo.groupByKind(tx, reinforcementGroup);
          const after = await repo.updateUnitIfUnchanged(tx, id, version, {
            ...fields,
            ...(group !== undefined ? { reinforcementGroupId: group?.id ?? null } : {}),
          });
          if (!after)
            throw new ConflictError(`unit ${before.callsign} was changed by someone else meanwhile: reload it`).coded("changed_meanwhile", {
              number: before.callsign,
            });
          await record(by, tx, "unit.changed", "unit", id, toUnit(before), toUnit(after));
          return { before, after };
        })
        .catch((error) => taken(error, "unit", fields.callsign));
      changed([before.homeStationId, after.homeStationId]);
      return toUnit(after);
    },

    async removeUnit(by: Requester, id: string): Promise<Removal> {
      const at = new Date();
      const { unit, outcome } = await repo.transaction(async (tx) => {
        const unit = assertInService(await repo.findUnit(tx, id), "unit", (u) => u.callsign);
        const active = await repo.activeIncidentOf(tx, id);
        if (active)
          throw new ConflictError(`unit ${unit.callsign} is on open incident ${active.incident.number}`).coded("unit_on_incident", {
            callsign: unit.callsign,
            incident: active.incident.number,
          });
        if (await repo.unitHasHistory(tx, id)) {
          await repo.retireUnit(tx, id, at);
          await repo.announceDeviceChange(tx);
          await record(by, tx, "unit.retired", "unit", id, toUnit(unit), { retiredAt: at.toISOString() });
          return { unit, outcome: retired(at) };
        }
        await repo.deleteUnit(tx, id);
        await record(by, tx, "unit.deleted", "unit", id, toUnit(unit), undefined);
        return { unit, outcome: { retired: false } as const };
      });
      changed([unit.homeStationId]);
      return outcome;
    },

    // ---------------------------------------------------------------- reinforcement groups (no board draws them: no event)

    listGroups: async () => (await repo.listGroups()).map(toGroup),

    async createGroup(by: Requester, body: CreateReinforcementGroupBody) {
      const row = await repo
        .transaction(async (tx) => {
          const created = await repo.createGroup(tx, { id: newId("rg"), ...body });
          await record(by, tx, "reinforcement.created", "reinforcement", created.id, undefined, toGroup(created));
          return created;
        })
        .catch((error) => taken(error, "reinforcement", body.kind));
      return toGroup(row);
    },

    async patchGroup(by: Requester, id: string, body: PatchReinforcementGroupBody) {
      return repo.transaction(async (tx) => {
        const before = await repo.findGroup(tx, id);
        if (!before) throw new NotFoundError("reinforcement group");
        const after = await repo.updateGroup(tx, id, body);
        await record(by, tx, "reinforcement.changed", "reinforcement", id, toGroup(before), toGroup(after));
        return toGroup(after);
      });
    },

    /** erased (nothing but a unit stores a group); 409 group_in_use while units in service are in it */
    async removeGroup(by: Requester, id: string): Promise<void> {
      await repo.transaction(async (tx) => {
        const group = await repo.findGroup(tx, id);
        if (!group) throw new NotFoundError("reinforcement group");
        const units = (await repo.groupUnits(tx, id)).map((u) => u.callsign);
        if (units.length > 0)
          throw new ConflictError(`${group.name} still has ${units.length} units`).coded("group_in_use", {
            group: group.name,
            units: `${units.slice(0, 3).join(", ")}${units.length > 3 ? "…" : ""}`,
          });
        await repo.deleteGroup(tx, id);
        await record(by, tx, "reinforcement.deleted", "reinforcement", id, toGroup(group), undefined);
      });
    },

    // ---------------------------------------------------------------- cameras

    async createCamera(by: Requester, body: CreateCameraBody) {
      const row = await repo
        .transaction(async (tx) => {
          await checkReferences(tx, { stationId: body.stationId, gridId: body.gridId });
          // no grid named: the grid in service the camera stands in (none outside them all); null names none
          const gridId = body.gridId !== undefined ? body.gridId : (findGrid(body, await gridsRepository.gridsInService(tx))?.id ?? null);
          const created = await repo.createCamera(tx, { id: newId("cam"), ...body, streamUrl: body.streamUrl ?? null, gridId });
          await record(by, tx, "camera.created", "camera", created.id, undefined, toCamera(created));
          return created;
        })
        .catch((error) => taken(error, "camera", body.code));
      changed([row.stationId]);
      return toCamera(row);
    },

    async patchCamera(by: Requester, id: string, body: PatchCameraBody) {
      const { before, after } = await repo
        .transaction(async (tx) => {
          const before = assertInService(await repo.findCamera(tx, id), "camera", (c) => c.name);
          await checkReferences(tx, { stationId: body.stationId, gridId: body.gridId });
          const after = await repo.updateCamera(tx, id, body);
          await record(by, tx, "camera.changed", "camera", id, toCamera(before), toCamera(after));
          return { before, after };
        })
        .catch((error) => taken(error, "camera", body.code));
      changed([before.stationId, after.stationId]);
      return toCamera(after);
    },

    async removeCamera(by: Requester, id: string): Promise<Removal> {
      const at = new Date();
      const { camera, outcome } = await repo.transaction(async (tx) => {
        const camera = assertInService(await repo.findCamera(tx, id), "camera", (c) => c.name);
        if (await repo.cameraHasHistory(tx, id)) {
          await repo.retire.camera(tx, id, at);
          await record(by, tx, "camera.retired", "camera", id, toCamera(camera), { retiredAt: at.toISOString() });
          return { camera, outcome: retired(at) };
        }
        await repo.deleteCamera(tx, id);
        await record(by, tx, "camera.deleted", "camera", id, toCamera(camera), undefined);
        return { camera, outcome: { retired: false } as const };
      });
      changed([camera.stationId]);
      return outcome;
    },
  };
}

export type AdministrationService = ReturnType<typeof createAdministrationService>;
