// The county's grids as GeoJSON (issue 12): exported as one FeatureCollection, imported the same way.
// An import upserts each feature by its code (a new code: a new grid; a code in service: its name,
// station, owner and polygon replaced). Every feature is checked before anything is written, each bad
// one named by its index, and the whole file is written in one transaction or not at all.
import { selfIntersects } from "@onemap/domain";
import {
  type ErrorIssue,
  FIELD_MESSAGES,
  type GeoJsonPolygon,
  GridFeature,
  type GridGapWarning,
  type GridsGeoJson,
  type GridsGeoJsonImport,
  type GridsImportResult,
  type GridWarning,
} from "@onemap/shared";
import type { Requester } from "../../actor";
import type { Tx } from "../../database";
import { BadRequestError } from "../../errors";
import type { AuditService } from "../audit/service";
import { toGrid } from "../resources/mappers";
import { gridsRepository as grids } from "./grids-repository";
import type { AdministrationRepository } from "./repository";
import { newId, recorder } from "./rules";

type GridShape = { id: string; code: string; name: string; polygon: GeoJsonPolygon };

/** zod's facts of an issue (minimum, expected…) that a board says in its language; never the input */
const factsOf = (issue: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(issue).filter(
      ([k, v]) => !["input", "path", "message", "code"].includes(k) && (typeof v !== "object" || Array.isArray(v)) && v !== undefined,
    ),
  );

export function createGridGeoJson(deps: {
  repository: AdministrationRepository;
  audit: Pick<AuditService, "record">;
  changed: (stationIds: readonly string[]) => void;
  gridsChanged: () => Promise<void>;
  /** the grids of `all` the saved one overlaps (grids.ts) */
  checkedAgainst: (saved: GridShape, all: readonly GridShape[]) => GridWarning[];
  gaps: (all: readonly GridShape[]) => GridGapWarning[];
  centre: (polygon: GeoJsonPolygon) => { centerLat: number; centerLon: number };
}) {
  const { repository: repo, changed, gridsChanged } = deps;
  const record = recorder(deps.audit);

  /** every feature parsed, or the issues of each bad one (path body.features.<i>.…) */
  function parse(features: readonly unknown[]) {
    const issues: ErrorIssue[] = [];
    const parsed: { index: number; feature: GridFeature }[] = [];
    features.forEach((raw, index) => {
      const result = GridFeature.safeParse(raw);
      if (result.success) {
        parsed.push({ index, feature: result.data });
        return;
      }
      for (const issue of result.error.issues) {
        const path = ["body", "features", index, ...issue.path].join(".");
        const facts = factsOf(issue as unknown as Record<string, unknown>);
        issues.push({ path, message: issue.message, code: issue.code, ...(Object.keys(facts).length > 0 ? { params: facts } : {}) });
      }
    });
    return { parsed, issues };
  }

  /** the county's references of each parsed feature, or the issues of each that names what is not there */
  async function resolve(tx: Tx, parsed: readonly { index: number; feature: GridFeature }[], issues: ErrorIssue[]) {
    const props = parsed.map((p) => p.feature.properties);
    const badges = props.flatMap((p) => (p.ownerBadgeNo ? [p.ownerBadgeNo] : []));
    const [stations, officers, existing] = await Promise.all([
      grids.policeStationsByCode(tx, [...new Set(props.map((p) => p.stationCode))]),
      grids.officersByBadge(tx, [...new Set(badges)]),
      grids.gridsByCode(tx, [...new Set(props.map((p) => p.code))]),
    ]);
    const owned = await grids.gridsOwnedBy(
      tx,
      officers.map((o) => o.id),
    );
    const stationOf = new Map(stations.map((s) => [s.code, s.id]));
    const officerOf = new Map(officers.map((o) => [o.badgeNo, o]));
    const gridOf = new Map(existing.map((g) => [g.code, g]));
    const ownedBy = new Map(owned.map((g) => [g.ownerOfficerId, g.code]));
    const codeAt = new Map<string, number>();
    const ownerAt = new Map<string, string>();
    const planned = [];
    for (const { index, feature } of parsed) {
      const { code, name, stationCode, ownerBadgeNo } = feature.properties;
      const at = (field: string) => `body.features.${index}.${field}`;
      const before = issues.length;
      if (codeAt.has(code)) issues.push({ path: at("properties.code"), message: FIELD_MESSAGES.code_twice, code: "field:code_twice" });
      codeAt.set(code, index);
      const current = gridOf.get(code);
      if (current?.retiredAt)
        issues.push({ path: at("properties.code"), message: `${code} is retired`, code: "retired", params: { name: current.name } });
      const stationId = stationOf.get(stationCode);
      if (!stationId)
        issues.push({ path: at("properties.stationCode"), message: FIELD_MESSAGES.no_such_station, code: "field:no_such_station" });
      const owner = ownerBadgeNo ? officerOf.get(ownerBadgeNo) : undefined;
      if (ownerBadgeNo && (!owner || (stationId && owner.stationId !== stationId)))
        issues.push({ path: at("properties.ownerBadgeNo"), message: FIELD_MESSAGES.not_of_station, code: "field:not_of_station" });
      else if (owner) {
        // an officer owns one grid: another grid of the county, or another feature of this file
        const other = ownerAt.get(owner.id) ?? (ownedBy.get(owner.id) !== code ? ownedBy.get(owner.id) : undefined);
        if (other)
          issues.push({
            path: at("properties.ownerBadgeNo"),
            message: `${owner.name} owns grid ${other} already`,
            code: "grid_owner_taken",
            params: { name: owner.name, grid: other },
          });
        ownerAt.set(owner.id, code);
      }
      if (selfIntersects(feature.geometry))
        issues.push({ path: at("geometry"), message: FIELD_MESSAGES.self_intersecting, code: "field:self_intersecting" });
      if (issues.length === before && stationId)
        planned.push({ code, name, stationId, ownerOfficerId: owner?.id ?? null, polygon: feature.geometry, currentId: current?.id });
    }
    return planned;
  }

  return {
    /** every grid in service as a FeatureCollection, by code */
    async exportGrids(): Promise<GridsGeoJson> {
      const rows = await repo.transaction((tx) => grids.gridsForExport(tx));
      return {
        type: "FeatureCollection",
        features: rows.map((g) => ({
          type: "Feature",
          properties: { code: g.code, name: g.name, stationCode: g.station.code, ownerBadgeNo: g.owner?.badgeNo ?? null },
          geometry: g.polygon as unknown as GeoJsonPolygon,
        })),
      };
    },

    async importGrids(by: Requester, body: GridsGeoJsonImport): Promise<GridsImportResult> {
      const { parsed, issues } = parse(body.features);
      const outcome = await repo.transaction(async (tx) => {
        const planned = await resolve(tx, parsed, issues);
        if (issues.length > 0) throw new BadRequestError(issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
        const saved = [];
        const stationIds = new Set<string>();
        let created = 0;
        for (const { currentId, ...fields } of planned) {
          const data = { ...fields, ...deps.centre(fields.polygon) };
          const before = currentId ? await repo.findGrid(tx, currentId) : null;
          if (before && currentId) {
            const after = await repo.updateGrid(tx, currentId, data);
            await record(by, tx, "grid.changed", "grid", currentId, toGrid(before), toGrid(after));
            stationIds.add(before.stationId);
            saved.push(after);
          } else {
            const row = await repo.createGrid(tx, { id: newId("gr"), ...data });
            await record(by, tx, "grid.created", "grid", row.id, undefined, toGrid(row));
            created += 1;
            saved.push(row);
          }
          stationIds.add(fields.stationId);
        }
        const all = await grids.gridsInService(tx);
        const byId = new Map(all.map((g) => [g.id, g]));
        return {
          stationIds: [...stationIds],
          result: {
            created,
            updated: saved.length - created,
            grids: saved.map((row) => {
              const shape = byId.get(row.id);
              return { ...toGrid(row), warnings: shape ? deps.checkedAgainst(shape, all) : [] };
            }),
            gaps: deps.gaps(all),
          },
        };
      });
      await gridsChanged();
      changed(outcome.stationIds);
      return outcome.result;
    },
  };
}
