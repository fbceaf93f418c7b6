// From a checked workbook and the county as the database holds it, to what an import writes: every
// natural key resolved (in the workbook or the database), every row created, updated or left alone.
// Pure: the service reads the county, hands it here, and writes the changes only when no issue is left.
import { polygonCentroid } from "@onemap/domain";
import type { CountyImportResult, GeoJsonPolygon, WorkbookIssue } from "@onemap/shared";
import type { CountyChanges, CountySnapshot } from "./repository";
import { type ReadWorkbook, SHEETS, type SheetName } from "./workbook";

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** a polygon as text with its keys in one order (jsonb reorders them) */
const polygonText = (polygon: unknown) => {
  const p = polygon as GeoJsonPolygon;
  return JSON.stringify({ type: p.type, coordinates: p.coordinates });
};

/** the fields of `next` that differ from `current` */
function differs<T extends object>(current: T, next: Partial<T>): boolean {
  return Object.entries(next).some(([k, v]) => current[k as keyof T] !== v);
}

export interface ImportPlan {
  issues: WorkbookIssue[];
  changes: CountyChanges;
  counts: CountyImportResult;
}

export function planImport(book: ReadWorkbook, county: CountySnapshot, newId: (prefix: string) => string): ImportPlan {
  const issues: WorkbookIssue[] = [];
  const counts = Object.fromEntries(
    (Object.keys(SHEETS) as SheetName[]).map((n) => [n, { created: 0, updated: 0, unchanged: 0 }]),
  ) as CountyImportResult;
  const changes: CountyChanges = {
    stations: { create: [], update: [] },
    officers: { create: [], update: [] },
    grids: { create: [], update: [], releaseOwners: [] },
    reinforcementGroups: { create: [], update: [] },
    units: { create: [], update: [], crews: [] },
    cameras: { create: [], update: [] },
    devices: { create: [], update: [] },
  };
  const header = (sheet: SheetName, key: string) => SHEETS[sheet].columns.find((c) => c.key === key)?.header ?? key;

  /** the id a reference names, or null after an issue (none when the row it names failed its own checks) */
  const resolver =
    (parent: SheetName, ids: Map<string, string>, what: string) => (sheet: SheetName, row: number, key: string, value: string) => {
      const id = ids.get(value);
      if (id !== undefined) return id;
      if (!book.keysSeen[parent].has(value))
        issues.push({
          sheet: SHEETS[sheet].name,
          row,
          column: header(sheet, key),
          code: "unknown_reference",
          message: `no ${what} ${value} in this workbook or in the county`,
        });
      return null;
    };
  /** one kind of row: matched by its key, created or updated when it differs */
  const count = (sheet: SheetName, existed: boolean, changed: boolean) => {
    const c = counts[sheet];
    if (!existed) c.created++;
    else if (changed) c.updated++;
    else c.unchanged++;
  };

  // stations
  const stationIds = new Map(county.stations.map((s) => [s.code, s.id]));
  const stationsByCode = new Map(county.stations.map((s) => [s.code, s]));
  for (const { value } of book.rows.stations) {
    const current = stationsByCode.get(value.code);
    if (!current) {
      const id = newId("st");
      stationIds.set(value.code, id);
      changes.stations.create.push({ id, ...value });
    } else if (differs(current, value)) changes.stations.update.push({ id: current.id, data: value });
    count("stations", current !== undefined, current !== undefined && differs(current, value));
  }
  const station = resolver("stations", stationIds, "station with the code");

  // officers
  const officerIds = new Map(county.officers.map((o) => [o.badgeNo, o.id]));
  const officersByBadge = new Map(county.officers.map((o) => [o.badgeNo, o]));
  for (const { row, value } of book.rows.officers) {
    const stationId = station("officers", row, "stationCode", value.stationCode);
    if (stationId === null) continue;
    const { stationCode: _, ...fields } = value;
    const data = { ...fields, stationId };
    const current = officersByBadge.get(value.badgeNo);
    if (!current) {
      const id = newId("of");
      officerIds.set(value.badgeNo, id);
      changes.officers.create.push({ id, ...data });
    } else if (differs(current, data)) changes.officers.update.push({ id: current.id, data });
    count("officers", current !== undefined, current !== undefined && differs(current, data));
  }
  const officer = resolver("officers", officerIds, "officer with the badge number");

  // grids: an officer is responsible for one grid at most
  const gridIds = new Map(county.grids.map((g) => [g.code, g.id]));
  const gridsByCode = new Map(county.grids.map((g) => [g.code, g]));
  const owners = new Map<string, { code: string; row: number | null }>(
    county.grids
      .filter((g) => g.ownerOfficerId && !book.keysSeen.grids.has(g.code))
      .map((g) => [g.ownerOfficerId ?? "", { code: g.code, row: null }]),
  );
  for (const { row, value } of book.rows.grids) {
    const stationId = station("grids", row, "stationCode", value.stationCode);
    const ownerOfficerId = value.ownerBadgeNo === null ? null : officer("grids", row, "ownerBadgeNo", value.ownerBadgeNo);
    if (stationId === null || (value.ownerBadgeNo !== null && ownerOfficerId === null)) continue;
    if (ownerOfficerId !== null) {
      const other = owners.get(ownerOfficerId);
      if (other) {
        issues.push({
          sheet: SHEETS.grids.name,
          row,
          column: header("grids", "ownerBadgeNo"),
          code: "taken",
          message: `${value.ownerBadgeNo} is responsible for grid ${other.code}${other.row === null ? "" : ` (row ${other.row})`} already`,
        });
        continue;
      }
      owners.set(ownerOfficerId, { code: value.code, row });
    }
    const current = gridsByCode.get(value.code);
    const samePolygon = current !== undefined && polygonText(current.polygon) === polygonText(value.polygon);
    // the centre is the polygon's: kept while the polygon is, computed again when it changes
    const centre = current && samePolygon ? { lat: current.centerLat, lon: current.centerLon } : polygonCentroid(value.polygon);
    const fields = {
      code: value.code,
      name: value.name,
      stationId,
      ownerOfficerId,
      centerLat: round6(centre.lat),
      centerLon: round6(centre.lon),
    };
    if (!current) {
      const id = newId("gr");
      gridIds.set(value.code, id);
      changes.grids.create.push({ id, ...fields, polygon: value.polygon });
      count("grids", false, false);
      continue;
    }
    const changed = !samePolygon || differs(current, fields);
    if (changed) {
      changes.grids.update.push({ id: current.id, data: { ...fields, polygon: value.polygon } });
      if (current.ownerOfficerId !== null && current.ownerOfficerId !== ownerOfficerId) changes.grids.releaseOwners.push(current.id);
    }
    count("grids", true, changed);
  }
  const grid = resolver("grids", gridIds, "grid with the code");

  // reinforcement groups
  const groupIds = new Map<string, string>(county.reinforcementGroups.map((g) => [g.kind, g.id]));
  const groupsByKind = new Map<string, (typeof county.reinforcementGroups)[number]>(county.reinforcementGroups.map((g) => [g.kind, g]));
  for (const { value } of book.rows.reinforcementGroups) {
    const current = groupsByKind.get(value.kind);
    if (!current) {
      const id = newId("rg");
      groupIds.set(value.kind, id);
      changes.reinforcementGroups.create.push({ id, ...value });
    } else if (differs(current, value)) changes.reinforcementGroups.update.push({ id: current.id, data: value });
    count("reinforcementGroups", current !== undefined, current !== undefined && differs(current, value));
  }
  const group = resolver("reinforcementGroups", groupIds, "reinforcement group of the kind");

  // units and their crews
  const unitIds = new Map(county.units.map((u) => [u.callsign, u.id]));
  const unitsByCallsign = new Map(county.units.map((u) => [u.callsign, u]));
  const crewOf = new Map<string, string[]>();
  for (const m of county.members) crewOf.set(m.unitId, [...(crewOf.get(m.unitId) ?? []), m.officerId]);
  for (const { row, value } of book.rows.units) {
    const homeStationId = station("units", row, "stationCode", value.stationCode);
    const gridId = value.gridCode === null ? null : grid("units", row, "gridCode", value.gridCode);
    const leaderId = value.leaderBadgeNo === null ? null : officer("units", row, "leaderBadgeNo", value.leaderBadgeNo);
    const reinforcementGroupId = value.groupKind === null ? null : group("units", row, "groupKind", value.groupKind);
    const crew: string[] = [];
    let crewSound = true;
    for (const badgeNo of value.crew) {
      const id = officer("units", row, "crew", badgeNo);
      if (id === null) crewSound = false;
      else if (crew.includes(id)) {
        issues.push({
          sheet: SHEETS.units.name,
          row,
          column: header("units", "crew"),
          code: "duplicate_key",
          message: `${badgeNo} is named twice`,
        });
        crewSound = false;
      } else crew.push(id);
    }
    if (
      homeStationId === null ||
      (value.gridCode !== null && gridId === null) ||
      (value.leaderBadgeNo !== null && leaderId === null) ||
      (value.groupKind !== null && reinforcementGroupId === null) ||
      !crewSound
    )
      continue;
    const data = { callsign: value.callsign, kind: value.kind, homeStationId, gridId, leaderId, reinforcementGroupId };
    const current = unitsByCallsign.get(value.callsign);
    if (!current) {
      const id = newId("un");
      unitIds.set(value.callsign, id);
      changes.units.create.push({ id, ...data });
      if (crew.length > 0) changes.units.crews.push({ unitId: id, officerIds: crew });
      count("units", false, false);
      continue;
    }
    const before = [...(crewOf.get(current.id) ?? [])].sort();
    const crewChanged = before.join("\n") !== [...crew].sort().join("\n");
    if (differs(current, data)) changes.units.update.push({ id: current.id, data });
    if (crewChanged) changes.units.crews.push({ unitId: current.id, officerIds: crew });
    count("units", true, crewChanged || differs(current, data));
  }
  const unit = resolver("units", unitIds, "unit with the callsign");

  // cameras
  const camerasByCode = new Map(county.cameras.map((c) => [c.code, c]));
  for (const { row, value } of book.rows.cameras) {
    const stationId = station("cameras", row, "stationCode", value.stationCode);
    const gridId = value.gridCode === null ? null : grid("cameras", row, "gridCode", value.gridCode);
    if (stationId === null || (value.gridCode !== null && gridId === null)) continue;
    const { stationCode: _s, gridCode: _g, ...fields } = value;
    const data = { ...fields, stationId, gridId };
    const current = camerasByCode.get(value.code);
    if (!current) changes.cameras.create.push({ id: newId("cam"), ...data });
    else if (differs(current, data)) changes.cameras.update.push({ id: current.id, data });
    count("cameras", current !== undefined, current !== undefined && differs(current, data));
  }

  // devices: never a token here (a new one gets its token when an administrator rotates it; an existing one keeps its own)
  const devicesByIdentifier = new Map(county.devices.map((d) => [d.identifier, d]));
  for (const { row, value } of book.rows.devices) {
    const unitId = unit("devices", row, "unitCallsign", value.unitCallsign);
    if (unitId === null) continue;
    const data = { identifier: value.identifier, protocol: value.protocol, unitId };
    const current = devicesByIdentifier.get(value.identifier);
    if (!current) changes.devices.create.push({ id: newId("dv"), ...data });
    else if (differs(current, data)) changes.devices.update.push({ id: current.id, data });
    count("devices", current !== undefined, current !== undefined && differs(current, data));
  }

  return { issues, changes, counts };
}
