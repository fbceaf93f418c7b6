// Reads an audit export back with exceljs, as a spreadsheet program would: the API's tests and the
// board's e2e (which downloads one through Chromium) both check what the file holds.
import ExcelJS from "exceljs";

export async function readAuditWorkbook(body: Buffer | Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("审计日志");
  if (!sheet) throw new Error("no 审计日志 sheet");
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))));
  });
  const notes: Record<string, string> = {};
  book.getWorksheet("说明")?.eachRow((row, n) => {
    if (n > 1) notes[String(row.getCell(1).value)] = String(row.getCell(2).value);
  });
  return { header: rows[0] ?? [], data: rows.slice(1), notes };
}
