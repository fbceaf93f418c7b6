// Administered patrol grids: a police station in service, an owner of that station who owns no other
// grid, a boundary that does not cross itself; overlaps with the other grids, and the holes the county's
// grids leave between them (gaps), are warnings. Each change
// reloads this process's grid cache, so the next call is filed under the grids as saved (ADR 0010).
import { gridGaps, gridOverlaps, polygonCentroid, selfIntersects } from "@onemap/domain";
import {
  type AdministeredGrid,
  type CreateGridBody,
  type ErrorIssue,
  FIELD_MESSAGES,
  type GeoJsonPolygon,
  type GridGapWarning,
  type GridWarning,
  type PatchGridBody,
} from "@onemap/shared";
import type { Requester } from "../../actor";
import type { Tx } from "../../database";
import { BadRequestError, ConflictError } from "../../errors";
import type { AuditService } from "../audit/service";
import { toGrid } from "../resources/mappers";
import { createGridGeoJson } from "./grids-geojson";
import { type GridShape, gridsRepository } from "./grids-repository";
import type { AdministrationRepository } from "./repository";
import { assertInService, newId, type Removal, recorder, retired, taken } from "./rules";

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** the grids of `all` (but itself) that `saved` overlaps, with the shared area to draw */
const overlapsOf = (saved: GridShape, all: readonly GridShape[]): GridWarning[] =>
  gridOverlaps(
    saved.polygon,
    all.filter((g) => g.id !== saved.id),
  ).map((o) => ({ kind: "overlap", gridId: o.grid.id, code: o.grid.code, name: o.grid.name, areaM2: o.areaM2, parts: o.parts }));
/** the holes the grids in service leave between them */
const gapsOf = (all: readonly GridShape[]): GridGapWarning[] => gridGaps(all).map((g) => ({ kind: "gap", ...g }));

export function createGridAdministration(deps: {
  repository: AdministrationRepository;
  audit: Pick<AuditService, "record">;
  changed: (stationIds: readonly string[]) => void;
  gridsChanged: () => Promise<void>;
}) {
  const { repository: repo, changed, gridsChanged } = deps;
  const record = recorder(deps.audit);

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

  /** the grids in service the saved polygon overlaps and the county's gaps after the save: warnings, never a refusal */
  const overlaps = async (tx: Tx, id: string): Promise<GridWarning[]> => {
    const all = await gridsRepository.gridsInService(tx);
    const saved = all.find((g) => g.id === id);
    return saved ? [...overlapsOf(saved, all), ...gapsOf(all)] : [];
  };

  /** the centre stored with a grid, as the workbook computes it */
  const centre = (polygon: GeoJsonPolygon) => {
    const c = polygonCentroid(polygon);
    return { centerLat: round6(c.lat), centerLon: round6(c.lon) };
  };

  return {
    ...createGridGeoJson({ ...deps, checkedAgainst: overlapsOf, gaps: gapsOf, centre }),

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
          return { row: created, warnings: await overlaps(tx, created.id) };
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
          return { before, after, warnings: await overlaps(tx, id) };
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
          // `holders` in English for the log; `names` for the board to say in its language
          const names = held.flatMap(([, n]) => n);
          throw new ConflictError(`grid ${grid.name} still has ${list.join(", ")}`).coded("grid_in_use", {
            grid: grid.name,
            holders: list.join(", "),
            names: `${names.slice(0, 6).join(", ")}${names.length > 6 ? "…" : ""}`,
            count: names.length,
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
  };
}
