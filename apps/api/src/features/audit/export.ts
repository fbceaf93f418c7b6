// The audit as an Excel workbook for an administrator: one sheet of entries with Chinese headers, times
// in China time (the county's clock, whatever the server's zone), and a sheet saying what was asked for.
import { chinaDateTime } from "@onemap/domain";
import { AUDIT_ACTIONS, AUDIT_EXPORT_MAX_ROWS, AUDIT_GROUP_LABELS, type AuditExportQuery } from "@onemap/shared";
import ExcelJS from "exceljs";

interface ExportRow {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

const actionLabel = (action: string) => (action in AUDIT_ACTIONS ? AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS].label : action);
const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));
// a cell holds at most 32,767 characters
const cell = (s: string) => (s.length > 32_000 ? `${s.slice(0, 32_000)}…` : s);

const FILTER_LABELS: Record<keyof AuditExportQuery, string> = {
  actor: "操作人",
  action: "操作",
  group: "类别",
  targetType: "对象类型",
  target: "对象",
  from: "起始时间",
  to: "截止时间",
};

export async function auditWorkbook(
  rows: ExportRow[],
  query: AuditExportQuery,
  now: Date,
  truncated: boolean,
): Promise<{ filename: string; body: Buffer }> {
  const book = new ExcelJS.Workbook();
  book.creator = "onemap";
  book.created = now;
  const sheet = book.addWorksheet("审计日志", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "编号", key: "id", width: 10 },
    { header: "时间（北京时间）", key: "at", width: 21 },
    { header: "操作人", key: "actorName", width: 14 },
    { header: "操作人编号", key: "actorId", width: 14 },
    { header: "来源地址", key: "ip", width: 16 },
    { header: "操作", key: "label", width: 20 },
    { header: "操作代码", key: "action", width: 22 },
    { header: "对象类型", key: "targetType", width: 12 },
    { header: "对象", key: "targetId", width: 26 },
    { header: "变更前", key: "before", width: 40 },
    { header: "变更后", key: "after", width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow({
      id: r.id.toString(),
      at: chinaDateTime(r.at),
      actorName: r.actorName ?? "",
      actorId: r.actorId ?? "",
      ip: r.ip ?? "",
      label: actionLabel(r.action),
      action: r.action,
      targetType: r.targetType ?? "",
      targetId: r.targetId ?? "",
      before: cell(json(r.before)),
      after: cell(json(r.after)),
    });

  const about = book.addWorksheet("说明");
  about.columns = [
    { header: "项目", key: "k", width: 14 },
    { header: "内容", key: "v", width: 60 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow({ k: "导出时间", v: `${chinaDateTime(now)}（北京时间）` });
  about.addRow({ k: "条数", v: String(rows.length) });
  for (const [key, label] of Object.entries(FILTER_LABELS) as [keyof AuditExportQuery, string][]) {
    const value = query[key];
    if (value === undefined) continue;
    const shown =
      key === "action"
        ? `${actionLabel(value)}（${value}）`
        : key === "group"
          ? AUDIT_GROUP_LABELS[value as keyof typeof AUDIT_GROUP_LABELS]
          : value;
    about.addRow({ k: label, v: shown });
  }
  if (truncated)
    about.addRow({
      k: "已截断",
      v: `符合条件的记录超过 ${AUDIT_EXPORT_MAX_ROWS} 条，仅导出最新的 ${AUDIT_EXPORT_MAX_ROWS} 条；请缩小时间范围分批导出`,
    });

  const body = Buffer.from(await book.xlsx.writeBuffer());
  return { filename: `audit-${chinaDateTime(now).slice(0, 10)}.xlsx`, body };
}
