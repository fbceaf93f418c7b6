// Administrators add, change and remove the county's stations, officers, grids, units and cameras (issue 12).
// The rules: a body's references must be in service; a natural key (code, badge number, callsign) is
// the county's once, retired rows included; something still held (a station with units, a unit on an
// open incident, an officer leading a unit or owning a grid) cannot go; what history points to is
// retired, not erased (ADR 0010). Every change is audited in its own transaction and reaches the boards.
import { randomBytes } from "node:crypto";
import { gridOverlaps, polygonCentroid, selfIntersects } from "@onemap/domain";
import type {
  AdministeredGrid,
  AuditAction,
  CreateCameraBody,
  CreateGridBody,
  CreateOfficerBody,
  CreateReinforcementGroupBody,
  CreateStationBody,
  CreateUnitBody,
  ErrorIssue,
  GeoJsonPolygon,
  PatchGridBody,
  PatchReinforcementGroupBody,
  ReinforcementGroup,
} from "@onemap/shared";
import { FIELD_MESSAGES, type PatchCameraBody, type PatchOfficerBody, type PatchStationBody, type PatchUnitBody } from "@onemap/shared";
import type { Requester } from "../../actor";
import { isUniqueViolation, type Tx } from "../../database";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors";
import type { AuditService } from "../audit/service";
import { toCamera, toGrid, toOfficer, toStation, toUnit } from "../resources/mappers";
import type { AdministrationRepository } from "./repository";

const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString("hex")}`;

/** DELETE's outcome: erased (nothing pointed to it) or retired (history does) */
type Removal = { retired: false } | { retired: true; retiredAt: string };

type Kind = "station" | "officer" | "grid" | "unit" | "camera" | "reinforcement";

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

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
  const { repository: repo, audit, changed, gridsChanged } = deps;

  const record = (by: Requester, tx: Tx, action: AuditAction, kind: Kind, id: string, before: unknown, after: unknown) =>
    audit.record({ actor: by.actor, ip: by.ip, action, targetType: kind, targetId: id, before, after }, tx);

  /** the references a body names, each in service, or a 400 listing every one that is not */
  async function checkReferences(
    tx: Tx,
    refs: { stationId?: string | undefined; gridId?: string | null | undefined; leaderId?: string | null | undefined },
    stationField = "stationId",
  ) {
    const issues: ErrorIssue[] = [];
    if (refs.stationId !== undefined && !(await repo.stationInService(tx, refs.stationId)))
      issues.push({ path: `body.${stationField}`, message: FIELD_MESSAGES.no_such_station, code: "field:no_such_station" });
    if (refs.gridId && !(await repo.gridInService(tx, refs.gridId)))
      issues.push({ path: "body.gridId", message: FIELD_MESSAGES.no_such_grid, code: "field:no_such_grid" });
    if (refs.leaderId && !(await repo.officerInService(tx, refs.leaderId)))
      issues.push({ path: "body.leaderId", message: FIELD_MESSAGES.no_such_officer, code: "field:no_such_officer" });
    if (issues.length > 0) throw new BadRequestError(issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
  }

  /**
   * a grid's references and shape: a police station in service; an owner in service of that station
   * who owns no other grid (409 grid_owner_taken); a boundary that does not cross itself
   */
  async function checkGrid(
    tx: Tx,
    id: string | null,
    refs: { stationId?: string | undefined; ownerOfficerId: string | null; ownerStationId?: string; polygon?: GeoJsonPolygon | undefined },
  ) {
    const issues: ErrorIssue[] = [];
    if (refs.stationId !== undefined && !(await repo.policeStationInService(tx, refs.stationId)))
      issues.push({ path: "body.stationId", message: FIELD_MESSAGES.no_such_station, code: "field:no_such_station" });
    const ownerStationId = refs.ownerStationId ?? refs.stationId;
    const owner = refs.ownerOfficerId && ownerStationId ? await repo.officerOfStation(tx, refs.ownerOfficerId, ownerStationId) : null;
    if (refs.ownerOfficerId && !owner)
      issues.push({ path: "body.ownerOfficerId", message: FIELD_MESSAGES.not_of_station, code: "field:not_of_station" });
    if (refs.polygon && selfIntersects(refs.polygon))
      issues.push({ path: "body.polygon", message: FIELD_MESSAGES.self_intersecting, code: "field:self_intersecting" });
    if (issues.length > 0) throw new BadRequestError(issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
    const owned = owner ? await repo.gridOwnedBy(tx, owner.id, id) : null;
    if (owner && owned)
      throw new ConflictError(`${owner.name} owns grid ${owned.code} already`).coded("grid_owner_taken", {
        name: owner.name,
        grid: owned.code,
      });
  }

  /** the grids in service the saved polygon overlaps: warnings, never a refusal */
  const overlaps = async (tx: Tx, id: string, polygon: GeoJsonPolygon) =>
    gridOverlaps(
      polygon,
      (await repo.otherGridsInService(tx, id)).map((g) => ({ ...g, polygon: g.polygon as unknown as GeoJsonPolygon })),
    ).map((o) => ({ kind: "overlap" as const, gridId: o.grid.id, code: o.grid.code, areaM2: o.areaM2 }));

  /** the centre stored with a grid, as the workbook computes it */
  const centre = (polygon: GeoJsonPolygon) => {
    const c = polygonCentroid(polygon);
    return { centerLat: round6(c.lat), centerLon: round6(c.lon) };
  };

  /** a natural key taken (by a row in service or a retired one): 409 with the key */
  function taken(error: unknown, kind: Kind, key: string | undefined): never {
    if (!isUniqueViolation(error) || key === undefined) throw error;
    if (kind === "unit") throw new ConflictError(`the callsign ${key} is taken`).coded("callsign_taken", { callsign: key });
    if (kind === "reinforcement") throw new ConflictError(`there is a ${key} group already`).coded("group_kind_taken", { kind: key });
    if (kind === "officer") throw new ConflictError(`the badge number ${key} is taken`).coded("badge_no_taken", { badgeNo: key });
    throw new ConflictError(`the code ${key} is taken`).coded("code_taken", { code: key });
  }

  function assertInService<T extends { retiredAt: Date | null }>(row: T | null, kind: Kind, name: (row: T) => string): T {
    if (!row) throw new NotFoundError(kind);
    if (row.retiredAt)
      throw new ConflictError(`${kind} ${name(row)} is retired: it cannot be changed`).coded("retired", { name: name(row) });
    return row;
  }

  const retired = (at: Date): Removal => ({ retired: true, retiredAt: at.toISOString() });

  return {
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
          throw new ConflictError(`station ${station.name} still has ${list.join(", ")}`).coded("station_in_use", {
            station: station.name,
            holders: list.join(", "),
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

    // ---------------------------------------------------------------- grids

    async createGrid(by: Requester, body: CreateGridBody): Promise<AdministeredGrid> {
      const { row, warnings } = await repo
        .transaction(async (tx) => {
          await checkGrid(tx, null, { stationId: body.stationId, ownerOfficerId: body.ownerOfficerId ?? null, polygon: body.polygon });
          const created = await repo.createGrid(tx, {
            id: newId("gr"),
            ...body,
            ownerOfficerId: body.ownerOfficerId ?? null,
            ...centre(body.polygon),
          });
          await record(by, tx, "grid.created", "grid", created.id, undefined, toGrid(created));
          return { row: created, warnings: await overlaps(tx, created.id, body.polygon) };
        })
        .catch((error) => taken(error, "grid", body.code));
      await gridsChanged();
      changed([row.stationId]);
      return { ...toGrid(row), warnings };
    },

    async patchGrid(by: Requester, id: string, body: PatchGridBody): Promise<AdministeredGrid> {
      const { before, after, warnings } = await repo
        .transaction(async (tx) => {
          const before = assertInService(await repo.findGrid(tx, id), "grid", (g) => g.name);
          const stationId = body.stationId ?? before.stationId;
          const ownerOfficerId = body.ownerOfficerId === undefined ? before.ownerOfficerId : body.ownerOfficerId;
          // the owner is checked again when the grid moves station: they must serve the new one
          await checkGrid(tx, id, {
            stationId: body.stationId,
            ownerOfficerId: body.ownerOfficerId !== undefined || body.stationId !== undefined ? ownerOfficerId : null,
            ownerStationId: stationId,
            polygon: body.polygon,
          });
          const after = await repo.updateGrid(tx, id, { ...body, ...(body.polygon ? centre(body.polygon) : {}) });
          await record(by, tx, "grid.changed", "grid", id, toGrid(before), toGrid(after));
          return { before, after, warnings: await overlaps(tx, id, after.polygon as unknown as GeoJsonPolygon) };
        })
        .catch((error) => taken(error, "grid", body.code));
      await gridsChanged();
      changed([before.stationId, after.stationId]);
      return { ...toGrid(after), warnings };
    },

    async removeGrid(by: Requester, id: string): Promise<Removal> {
      const at = new Date();
      const { grid, outcome } = await repo.transaction(async (tx) => {
        const grid = assertInService(await repo.findGrid(tx, id), "grid", (g) => g.name);
        const holders = await repo.gridHolders(tx, id);
        const held = Object.entries(holders).filter(([, names]) => names.length > 0);
        if (held.length > 0) {
          const list = held.map(
            ([what, names]) => `${names.length} ${what} (${names.slice(0, 3).join(", ")}${names.length > 3 ? "…" : ""})`,
          );
          throw new ConflictError(`grid ${grid.name} still has ${list.join(", ")}`).coded("grid_in_use", {
            grid: grid.name,
            holders: list.join(", "),
          });
        }
        if (await repo.gridHasHistory(tx, id)) {
          await repo.retire.grid(tx, id, at);
          await record(by, tx, "grid.retired", "grid", id, toGrid(grid), { retiredAt: at.toISOString() });
          return { grid, outcome: retired(at) };
        }
        await repo.deleteGrid(tx, id);
        await record(by, tx, "grid.deleted", "grid", id, toGrid(grid), undefined);
        return { grid, outcome: { retired: false } as const };
      });
      await gridsChanged();
      changed([grid.stationId]);
      return outcome;
    },

    // ---------------------------------------------------------------- units

    async createUnit(by: Requester, body: CreateUnitBody) {
      const row = await repo
        .transaction(async (tx) => {
          await checkReferences(tx, { stationId: body.homeStationId, gridId: body.gridId, leaderId: body.leaderId }, "homeStationId");
          const group = body.reinforcementGroup ? await repo.groupByKind(tx, body.reinforcementGroup) : null;
          const created = await repo.createUnit(tx, {
            id: newId("un"),
            callsign: body.callsign,
            kind: body.kind,
            homeStationId: body.homeStationId,
            gridId: body.gridId ?? null,
            leaderId: body.leaderId ?? null,
            reinforcementGroupId: group?.id ?? null,
          });
          await record(by, tx, "unit.created", "unit", created.id, undefined, toUnit(created));
          return created;
        })
        .catch((error) => taken(error, "unit", body.callsign));
      changed([row.homeStationId]);
      return toUnit(row);
    },

    /** optimistic: `body.version` is the unit as the administrator saw it */
    async patchUnit(by: Requester, id: string, body: PatchUnitBody) {
      const { version, reinforcementGroup, ...fields } = body;
      const { before, after } = await repo
        .transaction(async (tx) => {
          const before = assertInService(await repo.findUnit(tx, id), "unit", (u) => u.callsign);
          await checkReferences(tx, { stationId: fields.homeStationId, gridId: fields.gridId, leaderId: fields.leaderId }, "homeStationId");
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
          const created = await repo.createCamera(tx, {
            id: newId("cam"),
            ...body,
            streamUrl: body.streamUrl ?? null,
            gridId: body.gridId ?? null,
          });
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
