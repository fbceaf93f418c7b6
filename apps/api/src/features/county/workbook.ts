// The county workbook's layout (ADR 0009) and its two directions: rows → xlsx, xlsx → checked rows.
// Sheets and headers are in Chinese (the people who fill it in read Chinese); enumerations are
// written as their codes, listed in each header's note. Columns are found by their header text, in
// any order; a sheet left out of the workbook imports nothing.
import {
  CameraKind,
  CountyCameraRow,
  CountyDeviceRow,
  CountyGridRow,
  CountyOfficerRow,
  CountyReinforcementGroupRow,
  CountyStationRow,
  CountyUnitRow,
  DeviceProtocol,
  OfficerPost,
  ReinforcementGroupKind,
  ResponseTier,
  StationKind,
  UnitKind,
  type WorkbookIssue,
} from "@onemap/shared";
import ExcelJS from "exceljs";
import type { z } from "zod";

type CellKind = "text" | "number" | "boolean" | "list" | "json";
type Plain = string | number | boolean | null;

interface ColumnSpec<K extends string> {
  key: K;
  header: string;
  kind: CellKind;
  /** what the header's note says: required or not, the allowed values, an example */
  note: string;
  width: number;
}

interface SheetSpec<S extends z.ZodObject> {
  name: string;
  schema: S;
  /** the natural key's column: rows are matched to the database by it */
  key: keyof z.infer<S> & string;
  columns: ColumnSpec<keyof z.infer<S> & string>[];
}

const values = (e: { options: readonly string[] }) => `可填：${e.options.join(" / ")}`;
const YES_NO = "填 是 或 否（空 = 否）";

const sheet = <S extends z.ZodObject>(spec: SheetSpec<S>) => spec;

/** The sheets, in the order the workbook holds them and the import writes them (parents first). */
export const SHEETS = {
  stations: sheet({
    name: "派出所及内设机构",
    schema: CountyStationRow,
    key: "code",
    columns: [
      { key: "code", header: "单位编码", kind: "text", note: "必填，全县唯一（导入按它对应已有单位）。例：DC", width: 12 },
      { key: "name", header: "单位名称", kind: "text", note: "必填。例：东城派出所", width: 20 },
      { key: "kind", header: "单位类型", kind: "text", note: `必填。${values(StationKind)}（派出所 / 局机关内设机构）`, width: 18 },
      { key: "urban", header: "城区", kind: "boolean", note: YES_NO, width: 8 },
      { key: "lat", header: "纬度", kind: "number", note: "必填，WGS-84，-90 至 90。例：31.0281", width: 12 },
      { key: "lon", header: "经度", kind: "number", note: "必填，WGS-84，-180 至 180。例：106.4215", width: 12 },
      { key: "address", header: "地址", kind: "text", note: "选填", width: 24 },
      { key: "phone", header: "电话", kind: "text", note: "选填：数字、+、-、括号、空格", width: 16 },
    ],
  }),
  officers: sheet({
    name: "警员",
    schema: CountyOfficerRow,
    key: "badgeNo",
    columns: [
      {
        key: "badgeNo",
        header: "警号",
        kind: "text",
        note: "必填，全县唯一（导入按它对应已有警员）。请设为文本格式，以免前导 0 丢失。例：0510001",
        width: 12,
      },
      { key: "name", header: "姓名", kind: "text", note: "必填", width: 10 },
      { key: "birthYear", header: "出生年份", kind: "number", note: "必填，四位年份。例：1985", width: 10 },
      { key: "post", header: "岗位", kind: "text", note: `必填。${values(OfficerPost)}（机关 / 派出所 / 监所）`, width: 12 },
      { key: "auxiliary", header: "辅警", kind: "boolean", note: YES_NO, width: 8 },
      { key: "title", header: "职务", kind: "text", note: "选填。例：社区民警", width: 12 },
      { key: "phone", header: "电话", kind: "text", note: "选填", width: 16 },
      { key: "stationCode", header: "所属单位编码", kind: "text", note: "必填：本工作簿或系统中已有的单位编码", width: 14 },
    ],
  }),
  grids: sheet({
    name: "巡区网格",
    schema: CountyGridRow,
    key: "code",
    columns: [
      { key: "code", header: "网格编码", kind: "text", note: "必填，全县唯一。例：PA-G01", width: 12 },
      { key: "name", header: "网格名称", kind: "text", note: "必填", width: 16 },
      { key: "stationCode", header: "所属单位编码", kind: "text", note: "必填：本工作簿或系统中已有的单位编码", width: 14 },
      { key: "ownerBadgeNo", header: "责任民警警号", kind: "text", note: "选填；一名民警只负责一个网格", width: 14 },
      {
        key: "polygon",
        header: "边界(GeoJSON)",
        kind: "json",
        note: '必填：GeoJSON Polygon（WGS-84，[经度, 纬度]，首尾相同的闭合环）。例：{"type":"Polygon","coordinates":[[[106.40,31.03],[106.41,31.03],[106.41,31.02],[106.40,31.03]]]}',
        width: 60,
      },
    ],
  }),
  reinforcementGroups: sheet({
    name: "增援力量",
    schema: CountyReinforcementGroupRow,
    key: "kind",
    columns: [
      {
        key: "kind",
        header: "类型",
        kind: "text",
        note: `必填，每类一行。${values(ReinforcementGroupKind)}（快速反应分队 / 特巡警突击队 / 机关应急处突预备队）`,
        width: 16,
      },
      { key: "name", header: "名称", kind: "text", note: "必填", width: 20 },
      {
        key: "activatesAtTier",
        header: "启动等级",
        kind: "text",
        note: `必填。${values(ResponseTier)}（常态 / 三级 / 二级 / 一级）`,
        width: 12,
      },
    ],
  }),
  units: sheet({
    name: "作战单元",
    schema: CountyUnitRow,
    key: "callsign",
    columns: [
      { key: "callsign", header: "呼号", kind: "text", note: "必填，全县唯一（导入按它对应已有单元）。例：东城巡01", width: 12 },
      { key: "kind", header: "类型", kind: "text", note: `必填。${values(UnitKind)}（巡逻车 / 摩托 / 步巡 / 特警）`, width: 12 },
      { key: "stationCode", header: "所属单位编码", kind: "text", note: "必填", width: 14 },
      { key: "gridCode", header: "巡区网格编码", kind: "text", note: "选填", width: 14 },
      { key: "leaderBadgeNo", header: "带班民警警号", kind: "text", note: "选填", width: 14 },
      { key: "crew", header: "组员警号", kind: "list", note: "选填：警号之间用逗号分隔。例：0510101,FJ00201", width: 30 },
      { key: "groupKind", header: "增援力量类型", kind: "text", note: `选填。${values(ReinforcementGroupKind)}`, width: 16 },
    ],
  }),
  cameras: sheet({
    name: "视频监控",
    schema: CountyCameraRow,
    key: "code",
    columns: [
      { key: "code", header: "设备编码", kind: "text", note: "必填，全县唯一（导入按它对应已有监控）。例：511324000001", width: 16 },
      { key: "name", header: "名称", kind: "text", note: "必填", width: 24 },
      { key: "kind", header: "类型", kind: "text", note: `必填。${values(CameraKind)}（天网 / 治安卡口 / 交通卡口 / 社会面）`, width: 20 },
      { key: "lat", header: "纬度", kind: "number", note: "必填，WGS-84", width: 12 },
      { key: "lon", header: "经度", kind: "number", note: "必填，WGS-84", width: 12 },
      { key: "streamUrl", header: "视频流地址", kind: "text", note: "选填", width: 30 },
      { key: "gridCode", header: "巡区网格编码", kind: "text", note: "选填", width: 14 },
      { key: "stationCode", header: "所属单位编码", kind: "text", note: "必填", width: 14 },
    ],
  }),
  devices: sheet({
    name: "设备",
    schema: CountyDeviceRow,
    key: "identifier",
    columns: [
      {
        key: "identifier",
        header: "设备标识",
        kind: "text",
        note: "必填，全县唯一：IMEI、终端手机号等。不含令牌：新设备导入后须在系统中生成令牌",
        width: 20,
      },
      { key: "protocol", header: "协议", kind: "text", note: `必填。${values(DeviceProtocol)}`, width: 10 },
      { key: "unitCallsign", header: "作战单元呼号", kind: "text", note: "必填", width: 14 },
    ],
  }),
};

export type SheetName = keyof typeof SHEETS;
type SheetRow<N extends SheetName> = z.infer<(typeof SHEETS)[N]["schema"]>;
export type CountyRows = { [N in SheetName]: SheetRow<N>[] };

/** A checked row and where it stands in the workbook. */
interface Located<R> {
  row: number;
  value: R;
}

export interface ReadWorkbook {
  rows: { [N in SheetName]: Located<SheetRow<N>>[] };
  /** every natural key seen in a sheet, also on rows that failed their checks (so references to them do not fail as well) */
  keysSeen: { [N in SheetName]: Set<string> };
  issues: WorkbookIssue[];
}

/** the error a file that is no xlsx workbook raises */
export class UnreadableWorkbook extends Error {}

const SHEET_NAMES = Object.keys(SHEETS) as SheetName[];
// Excel's own limit; a longer text would be cut when the file is opened there
const CELL_MAX = 32_767;

function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if ("richText" in value) return plain(value.richText.map((t) => t.text).join(""));
  if ("hyperlink" in value) return plain(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return null;
}

const YES = new Set(["是", "true", "1", "y", "yes"]);
const NO = new Set(["否", "false", "0", "n", "no"]);

/** a cell as its column's kind, or why it cannot be one */
function convert(kind: CellKind, cell: Plain): { value: unknown } | { code: string; message: string } {
  if (typeof cell === "string" && cell.length > CELL_MAX) return { code: "too_big", message: `longer than ${CELL_MAX} characters` };
  switch (kind) {
    case "text":
      return { value: cell === null ? null : String(cell) };
    case "number": {
      if (cell === null || typeof cell === "number") return { value: cell };
      const n = typeof cell === "string" && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cell) ? Number(cell) : Number.NaN;
      return Number.isFinite(n) ? { value: n } : { code: "not_a_number", message: `not a number: ${String(cell).slice(0, 40)}` };
    }
    case "boolean": {
      if (cell === null) return { value: false };
      if (typeof cell === "boolean") return { value: cell };
      const word = String(cell).toLowerCase();
      if (YES.has(word)) return { value: true };
      if (NO.has(word)) return { value: false };
      return { code: "not_a_yes_no", message: "write 是 or 否" };
    }
    case "list":
      return {
        value:
          cell === null
            ? []
            : String(cell)
                .split(/[,，、;；\s]+/)
                .filter((s) => s !== ""),
      };
    case "json": {
      if (cell === null) return { value: null };
      try {
        return { value: JSON.parse(String(cell)) };
      } catch {
        return { code: "not_json", message: "not valid JSON" };
      }
    }
  }
}

function readSheet<N extends SheetName>(workbook: ExcelJS.Workbook, name: N, out: ReadWorkbook): void {
  const spec = SHEETS[name] as unknown as SheetSpec<z.ZodObject>;
  const worksheet = workbook.getWorksheet(spec.name);
  if (!worksheet) return;
  const issue = (row: number, column: string, code: string, message: string) =>
    out.issues.push({ sheet: spec.name, row, column, code, message });
  const header = worksheet.getRow(1);
  const at = new Map<string, number>();
  let headerSound = true;
  header.eachCell((cell, col) => {
    const text = plain(cell.value);
    if (text === null) return;
    const label = String(text);
    // a column the import does not know would be dropped without a word: a typo in a header must not lose a column
    if (!spec.columns.some((c) => c.header === label)) {
      issue(1, label, "unknown_column", "not a column of this sheet");
      headerSound = false;
    } else if (at.has(label)) {
      issue(1, label, "duplicate_key", "this column is there twice");
      headerSound = false;
    } else at.set(label, col);
  });
  const missing = spec.columns.filter((c) => !at.has(c.header));
  for (const c of missing) issue(1, c.header, "missing_column", "the column is missing from the header row");
  if (missing.length > 0 || !headerSound) return;

  const keyColumn = spec.columns.find((c) => c.key === spec.key) as ColumnSpec<string>;
  const keysSeen = out.keysSeen[name];
  const firstRow = new Map<string, number>();
  worksheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = spec.columns.map((c) => plain(row.getCell(at.get(c.header) ?? 0).value));
    if (cells.every((c) => c === null)) return;
    const record: Record<string, unknown> = {};
    let converted = true;
    spec.columns.forEach((c, i) => {
      const result = convert(c.kind, cells[i] ?? null);
      if ("value" in result) record[c.key] = result.value;
      else {
        converted = false;
        issue(number, c.header, result.code, result.message);
      }
    });
    const key = record[spec.key];
    if (typeof key === "string") {
      keysSeen.add(key);
      const earlier = firstRow.get(key);
      if (earlier !== undefined) {
        issue(number, keyColumn.header, "duplicate_key", `${key} is on row ${earlier} already`);
        return;
      }
      firstRow.set(key, number);
    }
    if (!converted) return;
    const parsed = spec.schema.safeParse(record);
    if (!parsed.success) {
      for (const problem of parsed.error.issues) {
        const [field, ...rest] = problem.path.map(String);
        const column = spec.columns.find((c) => c.key === field)?.header ?? spec.name;
        if (field !== undefined && record[field] === null) issue(number, column, "required", "required");
        else issue(number, column, problem.code, rest.length > 0 ? `${rest.join(".")}: ${problem.message}` : problem.message);
      }
      return;
    }
    (out.rows[name] as Located<unknown>[]).push({ row: number, value: parsed.data });
  });
}

/** Reads and checks every row of every sheet; the cross-references between rows are the service's to check. */
export async function readWorkbook(buffer: Buffer): Promise<ReadWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbook(error instanceof Error ? error.message : String(error));
  }
  const out: ReadWorkbook = {
    rows: Object.fromEntries(SHEET_NAMES.map((n) => [n, []])) as unknown as ReadWorkbook["rows"],
    keysSeen: Object.fromEntries(SHEET_NAMES.map((n) => [n, new Set<string>()])) as unknown as ReadWorkbook["keysSeen"],
    issues: [],
  };
  for (const name of SHEET_NAMES) readSheet(workbook, name, out);
  return out;
}

function cellOf(kind: CellKind, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (kind === "boolean") return value ? "是" : "否";
  if (kind === "list") return (value as string[]).join(",");
  if (kind === "json") return JSON.stringify(value);
  return value as string | number;
}

/** The workbook of these rows; with no rows, the template (headers and their notes). */
export async function writeWorkbook(rows: CountyRows | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "onemap";
  for (const name of SHEET_NAMES) {
    const spec = SHEETS[name] as unknown as SheetSpec<z.ZodObject>;
    const worksheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
    // text columns stay text in Excel: a badge number typed as 0510001 keeps its leading zero
    worksheet.columns = spec.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      ...(c.kind === "number" ? {} : { style: { numFmt: "@" } }),
    }));
    const header = worksheet.getRow(1);
    header.font = { bold: true };
    spec.columns.forEach((c, i) => {
      header.getCell(i + 1).note = c.note;
    });
    for (const row of (rows?.[name] ?? []) as Record<string, unknown>[]) {
      worksheet.addRow(Object.fromEntries(spec.columns.map((c) => [c.key, cellOf(c.kind, row[c.key])])));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
