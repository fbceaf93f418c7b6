// The county in one workbook (ADR 0009): export it, hand out the empty template, import one back.
// An import checks every row first and writes all or nothing, in one transaction, keyed by each
// row's natural key; it never deletes.
import { randomBytes } from "node:crypto";
import type { DbClient } from "@onemap/db";
import type { CountyImportResult, WorkbookIssue } from "@onemap/shared";
import { isUniqueViolation } from "../../database";
import { ConflictError } from "../../errors";
import type { BoardEvents } from "../../plugins/board-events";
import type { AuditInput, AuditService } from "../audit/service";
import { planImport } from "./plan";
import { type CountySnapshot, createCountyRepository } from "./repository";
import { type CountyRows, readWorkbook, SHEETS, type SheetName, UnreadableWorkbook, writeWorkbook } from "./workbook";

export type ImportOutcome =
  | { ok: true; result: CountyImportResult }
  | { ok: false; code: "workbook_invalid" | "workbook_unreadable"; message: string; issues: WorkbookIssue[] };

/** who imports: a signed-in administrator, or the command line (a name alone) */
export interface Importer {
  actor: AuditInput["actor"];
  ip: string | null;
}

const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString("hex")}`;
const SHEET_ORDER = Object.keys(SHEETS) as SheetName[];

/** The database's rows as the workbook writes them: ids become the natural keys they stand for. */
function toRows(county: CountySnapshot): CountyRows {
  const stationCode = new Map(county.stations.map((s) => [s.id, s.code]));
  const badgeNo = new Map(county.officers.map((o) => [o.id, o.badgeNo]));
  const gridCode = new Map(county.grids.map((g) => [g.id, g.code]));
  const groupKind = new Map(county.reinforcementGroups.map((g) => [g.id, g.kind]));
  const callsign = new Map(county.units.map((u) => [u.id, u.callsign]));
  const of = <K>(map: Map<string, K>, id: string | null) => (id === null ? null : (map.get(id) ?? null));
  const crew = new Map<string, string[]>();
  for (const m of county.members) crew.set(m.unitId, [...(crew.get(m.unitId) ?? []), badgeNo.get(m.officerId) ?? ""]);
  const by =
    <T>(key: (row: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    // police stations first, then the bureau's own units
    stations: county.stations.map(({ id: _, ...s }) => s).sort(by((s) => `${s.kind === "POLICE_STATION" ? 0 : 1}${s.code}`)),
    officers: county.officers
      .map(({ id: _, stationId, ...o }) => ({ ...o, stationCode: of(stationCode, stationId) ?? "" }))
      .sort(by((o) => o.badgeNo)),
    grids: county.grids
      .map((g) => ({
        code: g.code,
        name: g.name,
        stationCode: of(stationCode, g.stationId) ?? "",
        ownerBadgeNo: of(badgeNo, g.ownerOfficerId),
        polygon: g.polygon as CountyRows["grids"][number]["polygon"],
      }))
      .sort(by((g) => g.code)),
    reinforcementGroups: county.reinforcementGroups.map(({ id: _, ...g }) => g).sort(by((g) => g.kind)),
    units: county.units
      .map((u) => ({
        callsign: u.callsign,
        kind: u.kind,
        stationCode: of(stationCode, u.homeStationId) ?? "",
        gridCode: of(gridCode, u.gridId),
        leaderBadgeNo: of(badgeNo, u.leaderId),
        crew: [...(crew.get(u.id) ?? [])].sort(),
        groupKind: of(groupKind, u.reinforcementGroupId),
      }))
      .sort(by((u) => u.callsign)),
    cameras: county.cameras
      .map(({ id: _, stationId, gridId, ...c }) => ({
        ...c,
        gridCode: of(gridCode, gridId),
        stationCode: of(stationCode, stationId) ?? "",
      }))
      .sort(by((c) => c.code)),
    devices: county.devices
      .map((d) => ({ identifier: d.identifier, protocol: d.protocol, unitCallsign: of(callsign, d.unitId) ?? "" }))
      .sort(by((d) => d.identifier)),
  };
}

const sheetIndex = (name: string) => SHEET_ORDER.findIndex((n) => SHEETS[n].name === name);

export function createCountyService({
  db,
  audit,
  gridsChanged = async () => {},
  events,
  now = () => new Date(),
}: {
  db: DbClient;
  audit: AuditService;
  /** the boards, told to reload after an import that changed something (none from the command line) */
  events?: Pick<BoardEvents, "countyChanged">;
  now?: () => Date;
  /** told after an import changed grids (the grid cache reloads at once instead of within its refresh) */
  gridsChanged?: () => Promise<void>;
}) {
  const repo = createCountyRepository(db);
  return {
    /** the whole county as a workbook (no tokens, no live state) */
    async exportWorkbook(): Promise<Buffer> {
      return writeWorkbook(toRows(await repo.readCounty()));
    },

    /** the workbook's sheets and headers, each header's note saying what goes in it */
    template: (): Promise<Buffer> => writeWorkbook(null),

    /** Checks every row; with any issue writes nothing and lists them all, else writes every change in one transaction. */
    async importWorkbook(file: Buffer, by: Importer): Promise<ImportOutcome> {
      let book: Awaited<ReturnType<typeof readWorkbook>>;
      try {
        book = await readWorkbook(file);
      } catch (error) {
        if (!(error instanceof UnreadableWorkbook)) throw error;
        return { ok: false, code: "workbook_unreadable", message: "not an xlsx workbook", issues: [] };
      }
      let outcome: ImportOutcome;
      try {
        outcome = await repo.transaction(async (tx): Promise<ImportOutcome> => {
          // read inside the transaction: the references are checked against what the writes will see
          const plan = planImport(book, await repo.readCounty(tx), newId);
          const issues = [...book.issues, ...plan.issues].sort((a, b) => sheetIndex(a.sheet) - sheetIndex(b.sheet) || a.row - b.row);
          if (issues.length > 0) {
            const message = `${issues.length} problem${issues.length === 1 ? "" : "s"} in the workbook: nothing was imported`;
            return { ok: false, code: "workbook_invalid", message, issues };
          }
          await repo.applyChanges(plan.changes, tx);
          await audit.record({ actor: by.actor, ip: by.ip, action: "county.import", targetType: "county", after: plan.counts }, tx);
          return { ok: true, result: plan.counts };
        });
      } catch (error) {
        // another administrator created the same key meanwhile: this import wrote nothing
        if (isUniqueViolation(error)) throw new ConflictError("the county changed while importing: try again").coded("changed_meanwhile");
        throw error;
      }
      if (outcome.ok && (outcome.result.grids.created > 0 || outcome.result.grids.updated > 0)) await gridsChanged();
      if (outcome.ok && Object.values(outcome.result).some((c) => c.created > 0 || c.updated > 0))
        events?.countyChanged({ at: now().toISOString() });
      return outcome;
    },
  };
}

export type CountyService = ReturnType<typeof createCountyService>;
