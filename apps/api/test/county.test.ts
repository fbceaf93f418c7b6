// The county workbook: export, template, import — an export imported back changes nothing, an empty
// database takes a whole county from one, a bad workbook is refused with every problem named by sheet,
// row and column and writes nothing; administrators only.
import type { DbClient } from "@onemap/db";
import type { Board, CountyImportResult, WorkbookRefusal } from "@onemap/shared";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdmin } from "../src/features/auth/service";
import { buildTestApp, login, type TestApp, type TestContext } from "./helpers";
import { connectBoard, waitForEvent } from "./realtime-helpers";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const SHEET_NAMES = ["派出所及内设机构", "警员", "巡区网格", "增援力量", "作战单元", "视频监控", "设备"];

/** a multipart/form-data body holding one file, as a browser's form or curl -F would send it */
function multipart(file: Buffer, filename = "county.xlsx") {
  const boundary = `----onemap${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${XLSX}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function download(app: TestApp, cookie: string, what: "export" | "template"): Promise<Buffer> {
  const res = await app.inject({ method: "GET", url: `/api/county/${what}`, headers: { cookie } });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers["content-type"]).toBe(XLSX);
  expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="county-/);
  return res.rawPayload;
}

async function upload(app: TestApp, cookie: string, file: Buffer) {
  const { payload, headers } = multipart(file);
  const res = await app.inject({ method: "POST", url: "/api/county/import", headers: { ...headers, cookie }, payload });
  return { status: res.statusCode, body: res.json() as CountyImportResult & WorkbookRefusal };
}

async function load(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}
const save = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());
const sheetOf = (workbook: ExcelJS.Workbook, name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
/** the cell under a header, in a spreadsheet row */
const cell = (sheet: ExcelJS.Worksheet, row: number, header: string) => {
  let column = 0;
  sheet.getRow(1).eachCell((c, n) => {
    if (c.value === header) column = n;
  });
  if (column === 0) throw new Error(`no column ${header}`);
  return sheet.getRow(row).getCell(column);
};

/** every row of every table the workbook touches, except updatedAt: equal before and after means nothing changed */
async function countyRows(db: DbClient) {
  const by = { orderBy: { id: "asc" as const } };
  return JSON.stringify({
    stations: await db.station.findMany({ ...by, omit: { updatedAt: true } }),
    officers: await db.officer.findMany({ ...by, omit: { updatedAt: true } }),
    grids: await db.grid.findMany({ ...by, omit: { updatedAt: true } }),
    groups: await db.reinforcementGroup.findMany({ ...by, omit: { updatedAt: true } }),
    units: await db.unit.findMany({ ...by, omit: { updatedAt: true } }),
    members: await db.unitMember.findMany({ orderBy: [{ unitId: "asc" }, { officerId: "asc" }] }),
    cameras: await db.camera.findMany({ ...by, omit: { updatedAt: true } }),
    devices: await db.device.findMany(by),
  });
}

describe("the county workbook", () => {
  let t: TestContext;
  let admin: string;
  let exported: Buffer;
  let crewMembers = 0;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await login(t.app, "admin");
    exported = await download(t.app, admin, "export");
    crewMembers = await t.db.unitMember.count();
  });
  afterAll(async () => {
    await t.close();
  });

  it("exports one sheet per resource, Chinese headers, every row, and no device token", async () => {
    const workbook = await load(exported);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(SHEET_NAMES);
    const rows = (name: string) => sheetOf(workbook, name).actualRowCount - 1;
    expect(rows("派出所及内设机构")).toBe(await t.db.station.count());
    expect(rows("警员")).toBe(await t.db.officer.count());
    expect(rows("巡区网格")).toBe(18);
    expect(rows("作战单元")).toBe(await t.db.unit.count());
    expect(rows("视频监控")).toBe(368);
    expect(rows("设备")).toBe(await t.db.device.count());
    const devices = sheetOf(workbook, "设备");
    expect(devices.getRow(1).values).toEqual([undefined, "设备标识", "协议", "作战单元呼号"]);
    // a crew is its officers' badge numbers; a grid its GeoJSON
    const unit = await t.db.unit.findUniqueOrThrow({ where: { id: "un-dc-car-1" }, include: { members: { include: { officer: true } } } });
    const units = sheetOf(workbook, "作战单元");
    let found = 0;
    units.eachRow((_row, n) => {
      if (n > 1 && cell(units, n, "呼号").value === unit.callsign) {
        found = n;
        expect(
          String(cell(units, n, "组员警号").value)
            .split(",")
            .sort(),
        ).toEqual(unit.members.map((m) => m.officer.badgeNo).sort());
        expect(cell(units, n, "所属单位编码").value).toBe("DC");
      }
    });
    expect(found).toBeGreaterThan(1);
    expect(JSON.parse(String(cell(sheetOf(workbook, "巡区网格"), 2, "边界(GeoJSON)").value)).type).toBe("Polygon");
    expect(exported.toString("latin1")).not.toMatch(/tokenHash|令牌/);
  });

  it("hands out the template: the same sheets and headers, no rows, a note on every header", async () => {
    const template = await load(await download(t.app, admin, "template"));
    const full = await load(exported);
    expect(template.worksheets.map((w) => w.name)).toEqual(SHEET_NAMES);
    for (const sheet of template.worksheets) {
      expect(sheet.actualRowCount).toBe(1);
      expect(sheet.getRow(1).values).toEqual(sheetOf(full, sheet.name).getRow(1).values);
      sheet.getRow(1).eachCell((c) => expect(c.note, `${sheet.name} ${c.value}`).toBeTruthy());
    }
  });

  it("imports its own export back and changes nothing", async () => {
    const before = await countyRows(t.db);
    const res = await upload(t.app, admin, exported);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    for (const [sheet, counts] of Object.entries(res.body as CountyImportResult)) {
      expect(counts.created, sheet).toBe(0);
      expect(counts.updated, sheet).toBe(0);
    }
    expect(res.body.cameras.unchanged).toBe(368);
    expect(await countyRows(t.db)).toBe(before);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "county.import" } });
    expect(audit.actorName).toBe("admin");
  });

  it("updates what changed, creates what is new, deletes nothing, keeps ids and device tokens", async () => {
    const workbook = await load(exported);
    const cameras = sheetOf(workbook, "视频监控");
    const firstCode = String(cell(cameras, 2, "设备编码").value);
    cell(cameras, 2, "名称").value = "天网-改名";
    // a new camera, and one left out of the workbook (it stays)
    const last = cameras.actualRowCount;
    const removedCode = String(cell(cameras, last, "设备编码").value);
    cameras.spliceRows(last, 1);
    cameras.addRow(["511324009999", "新增天网", "SKYNET", 31.03, 106.42, null, null, "DC"]);
    const units = sheetOf(workbook, "作战单元");
    const callsign = String(cell(units, 2, "呼号").value);
    cell(units, 2, "组员警号").value = String(cell(units, 2, "带班民警警号").value);
    const devices = sheetOf(workbook, "设备");
    const identifier = String(cell(devices, 2, "设备标识").value);
    const tokenBefore = (await t.db.device.findUniqueOrThrow({ where: { identifier } })).tokenHash;
    expect(tokenBefore).toBeTruthy();

    const res = await upload(t.app, admin, await save(workbook));
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    expect(res.body.cameras).toEqual({ created: 1, updated: 1, unchanged: 366 });
    expect(res.body.units.updated).toBe(1);
    const renamed = await t.db.camera.findUniqueOrThrow({ where: { code: firstCode } });
    expect(renamed.name).toBe("天网-改名");
    expect(renamed.id).toMatch(/^cam-\d{3}$/);
    const created = await t.db.camera.findUniqueOrThrow({ where: { code: "511324009999" } });
    expect(created).toMatchObject({ name: "新增天网", kind: "SKYNET", stationId: "st-dc", gridId: null, status: "ONLINE" });
    expect(created.id).toMatch(/^cam-[0-9a-f]{12}$/);
    expect(await t.db.camera.count({ where: { code: removedCode } })).toBe(1);
    const unit = await t.db.unit.findUniqueOrThrow({ where: { callsign }, include: { members: true } });
    expect(unit.members.map((m) => m.officerId)).toEqual([unit.leaderId]);
    expect((await t.db.device.findUniqueOrThrow({ where: { identifier } })).tokenHash).toBe(tokenBefore);
  });

  it("refuses a bad workbook with every problem by sheet, row and column, and writes nothing", async () => {
    const workbook = await load(exported);
    const officers = sheetOf(workbook, "警员");
    cell(officers, 3, "警号").value = String(cell(officers, 2, "警号").value);
    const cameras = sheetOf(workbook, "视频监控");
    cell(cameras, 4, "纬度").value = "北纬三十一度";
    const grids = sheetOf(workbook, "巡区网格");
    const polygon = JSON.parse(String(cell(grids, 2, "边界(GeoJSON)").value));
    polygon.coordinates[0].pop();
    cell(grids, 2, "边界(GeoJSON)").value = JSON.stringify(polygon);
    const devices = sheetOf(workbook, "设备");
    cell(devices, 5, "作战单元呼号").value = "不存在的呼号";
    const units = sheetOf(workbook, "作战单元");
    cell(units, 6, "所属单位编码").value = "NOPE";
    cell(units, 7, "类型").value = "TANK";
    const stations = sheetOf(workbook, "派出所及内设机构");
    cell(stations, 2, "单位名称").value = null;

    const before = await countyRows(t.db);
    const audits = await t.db.auditEvent.count();
    const res = await upload(t.app, admin, await save(workbook));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("workbook_invalid");
    const found = (res.body.workbookIssues ?? []).map(({ sheet, row, column, code }) => ({ sheet, row, column, code }));
    expect(found).toEqual(
      expect.arrayContaining([
        { sheet: "派出所及内设机构", row: 2, column: "单位名称", code: "required" },
        { sheet: "警员", row: 3, column: "警号", code: "duplicate_key" },
        { sheet: "巡区网格", row: 2, column: "边界(GeoJSON)", code: "custom" },
        { sheet: "作战单元", row: 6, column: "所属单位编码", code: "unknown_reference" },
        { sheet: "作战单元", row: 7, column: "类型", code: "invalid_value" },
        { sheet: "视频监控", row: 4, column: "纬度", code: "not_a_number" },
        { sheet: "设备", row: 5, column: "作战单元呼号", code: "unknown_reference" },
      ]),
    );
    expect(found).toHaveLength(7);
    expect(res.body.workbookIssues?.every((i) => i.message.length > 0)).toBe(true);
    expect(await countyRows(t.db)).toBe(before);
    expect(await t.db.auditEvent.count()).toBe(audits);
  });

  it("names a missing or unknown column in the header row", async () => {
    const workbook = await load(exported);
    const officers = sheetOf(workbook, "警员");
    cell(officers, 1, "辅警").value = "辅警?";
    const res = await upload(t.app, admin, await save(workbook));
    expect(res.status).toBe(400);
    expect(res.body.workbookIssues?.map(({ sheet, row, column, code }) => ({ sheet, row, column, code }))).toEqual([
      { sheet: "警员", row: 1, column: "辅警?", code: "unknown_column" },
      { sheet: "警员", row: 1, column: "辅警", code: "missing_column" },
    ]);
  });

  it("refuses what is not a workbook, a request without a file, and JSON", async () => {
    const before = await countyRows(t.db);
    const junk = await upload(t.app, admin, Buffer.from("PK\u0003\u0004 this is not a zip"));
    expect(junk.status).toBe(400);
    expect(junk.body.code).toBe("workbook_unreadable");
    const json = await t.app.inject({ method: "POST", url: "/api/county/import", headers: { cookie: admin }, payload: { file: "x" } });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe("unsupported_media_type");
    const boundary = "----nofile";
    const empty = await t.app.inject({
      method: "POST",
      url: "/api/county/import",
      headers: { cookie: admin, "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}--\r\n`,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe("invalid_input");
    expect(await countyRows(t.db)).toBe(before);
  });

  it("refuses a file over 20 MB with a 413, unread", async () => {
    const res = await upload(t.app, admin, Buffer.alloc(20 * 1024 * 1024 + 1));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("payload_too_large");
  });

  it("is for administrators only: 403 for the other roles, 401 without a session", async () => {
    const before = await countyRows(t.db);
    for (const role of ["operator", "leader", "chief"]) {
      const cookie = await login(t.app, role);
      for (const url of ["/api/county/export", "/api/county/template"]) {
        const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
        expect(res.statusCode, `${role} ${url}`).toBe(403);
      }
      const res = await upload(t.app, cookie, exported);
      expect(res.status, role).toBe(403);
    }
    for (const url of ["/api/county/export", "/api/county/template"])
      expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    const { payload, headers } = multipart(exported);
    expect((await t.app.inject({ method: "POST", url: "/api/county/import", headers, payload })).statusCode).toBe(401);
    expect(await countyRows(t.db)).toBe(before);
  });

  describe("into an empty database", () => {
    let e: TestContext;
    beforeAll(async () => {
      e = await buildTestApp({ template: "empty" });
      await ensureAdmin(e.db, "admin", "a long enough county password");
    });
    afterAll(async () => {
      await e.close();
    });

    it("creates the whole county; the board shows it; devices come without tokens", async () => {
      const cookie = await login(e.app, "admin", "a long enough county password");
      const res = await upload(e.app, cookie, exported);
      expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
      expect(res.body.stations).toEqual({ created: await t.db.station.count(), updated: 0, unchanged: 0 });
      expect(res.body.cameras).toEqual({ created: 368, updated: 0, unchanged: 0 });
      expect(res.body.units.created).toBe(await t.db.unit.count());
      expect(await e.db.unitMember.count()).toBe(crewMembers);
      expect(await e.db.device.count({ where: { tokenHash: { not: null } } })).toBe(0);
      const board = (await e.app.inject({ method: "GET", url: "/api/board", headers: { cookie } })).json() as Board;
      expect(board.stations.map((s) => s.name)).toContain("东城派出所");
      expect(board.units.length).toBe(await t.db.unit.count());
      expect(board.grids).toHaveLength(18);
      expect(board.cameras).toHaveLength(368);
      // and the county it made exports as the same workbook's rows
      const again = await load(await download(e.app, cookie, "export"));
      const original = await load(exported);
      for (const name of SHEET_NAMES) {
        const rows = (w: ExcelJS.Workbook) => {
          const out: string[] = [];
          sheetOf(w, name).eachRow((row) => {
            out.push(JSON.stringify(row.values));
          });
          return out;
        };
        expect(rows(again), name).toEqual(rows(original));
      }
    });
  });
});

describe("an import and the open boards", () => {
  let t: TestContext;
  let base = "";
  beforeAll(async () => {
    t = await buildTestApp();
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await t.close();
  });

  it("tells every board to reload when an import changed something, and nothing when it changed nothing", async () => {
    const admin = await login(t.app, "admin");
    const { socket } = await connectBoard(base, await login(t.app, "chief"));
    try {
      const exported = await download(t.app, admin, "export");
      const heard: unknown[] = [];
      socket.on("county:changed", (e) => void heard.push(e));
      // the same county back: nothing changed, no board reloads
      expect((await upload(t.app, admin, exported)).status).toBe(200);
      const workbook = await load(exported);
      cell(sheetOf(workbook, "视频监控"), 2, "名称").value = "天网-改名测试";
      const changed = waitForEvent(socket, "county:changed", 5000);
      const answer = await upload(t.app, admin, await save(workbook));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.cameras.updated).toBe(1);
      expect((await changed).at).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(heard).toHaveLength(1);
    } finally {
      socket.disconnect();
    }
  });
});
