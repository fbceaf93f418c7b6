// Camera status: marked offline or back online, stored, and told to exactly the boards that may see it.
import type { CameraStatusEvent } from "@onemap/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, type TestContext } from "./helpers";
import { type BoardSocket, connectBoard, sleep } from "./realtime-helpers";

describe("camera status", () => {
  let t: TestContext;
  let base = "";
  let operator = "";
  let chief = "";
  let dcCamera = "";
  let bcCamera = "";
  const sockets: BoardSocket[] = [];

  const put = (id: string, cookie: string, body: unknown) =>
    t.app.inject({ method: "PUT", url: `/api/cameras/${id}/status`, headers: { cookie }, payload: body as object });
  async function listen(cookie: string) {
    const { socket } = await connectBoard(base, cookie);
    sockets.push(socket);
    const heard: CameraStatusEvent[] = [];
    socket.on("camera:status", (e) => heard.push(e));
    return heard;
  }

  beforeAll(async () => {
    t = await buildTestApp();
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    operator = await login(t.app, "operator");
    chief = await login(t.app, "chief");
    dcCamera = (await t.db.camera.findFirstOrThrow({ where: { stationId: "st-dc", status: "ONLINE" }, orderBy: { id: "asc" } })).id;
    bcCamera = (await t.db.camera.findFirstOrThrow({ where: { stationId: "st-bc", status: "ONLINE" }, orderBy: { id: "asc" } })).id;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  it("marks a camera offline, stores it, and tells the county and the camera's own station once", async () => {
    const county = await listen(operator);
    const dc = await listen(chief);
    const res = await put(dcCamera, operator, { status: "OFFLINE" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: dcCamera, status: "OFFLINE" });
    expect((await t.db.camera.findUniqueOrThrow({ where: { id: dcCamera } })).status).toBe("OFFLINE");
    await sleep(300);
    expect(county).toEqual([expect.objectContaining({ cameraId: dcCamera, status: "OFFLINE", previous: "ONLINE", stationId: "st-dc" })]);
    expect(dc).toHaveLength(1);

    // the same report again changes nothing and announces nothing
    expect((await put(dcCamera, operator, { status: "OFFLINE" })).statusCode).toBe(200);
    await sleep(300);
    expect(county).toHaveLength(1);
  });

  it("keeps another station's camera from a chief: no event on their board, 404 if they try to change it", async () => {
    const county = await listen(operator);
    const dc = await listen(chief);
    expect((await put(bcCamera, operator, { status: "OFFLINE" })).statusCode).toBe(200);
    await sleep(300);
    expect(county.map((e) => e.cameraId)).toEqual([bcCamera]);
    expect(dc).toEqual([]);
    expect((await put(bcCamera, chief, { status: "ONLINE" })).statusCode).toBe(404);
    expect((await t.db.camera.findUniqueOrThrow({ where: { id: bcCamera } })).status).toBe("OFFLINE");
  });

  it("refuses a status that does not exist (400 naming the field), changing nothing; a duty leader may mark a feed, as the README grants", async () => {
    const bad = await put(dcCamera, operator, { status: "BROKEN" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("body.status");
    expect((await t.db.camera.findUniqueOrThrow({ where: { id: dcCamera } })).status).toBe("OFFLINE");
    expect((await put(dcCamera, await login(t.app, "leader"), { status: "ONLINE" })).statusCode).toBe(200);
    expect((await t.db.camera.findUniqueOrThrow({ where: { id: dcCamera } })).status).toBe("ONLINE");
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "camera.status", targetId: dcCamera },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorName: "leader", before: { status: "OFFLINE" }, after: { status: "ONLINE" } });
  });
});
