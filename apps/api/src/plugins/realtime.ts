// Socket.IO on the API's own HTTP server: namespace /board, authenticated by the session cookie.
// A connection joins only the rooms its role allows: `county` (operators, leaders, admins) or
// `station:<id>` (a station chief). With REDIS_URL, broadcasts go through the Redis Streams adapter,
// so a board on one API process sees what another process ingested, and connection-state recovery
// keeps working across processes. If Redis goes down, each process's boards keep getting that
// process's own events at once (broadcasts go local, nothing waits in Redis's offline queue), are told
// (`relay:status`), and reload their snapshot when it is back. A socket is opened only from the
// board's own origin (or ALLOWED_ORIGINS): a page elsewhere cannot ride an operator's cookie.
import type { IncomingMessage } from "node:http";

import { BOARD_NAMESPACE, type BoardClientEvents, type BoardServerEvents, type PositionRow, SubscribeRequest } from "@onemap/shared";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createClient } from "redis";
import { type Namespace, Server } from "socket.io";
import { type Actor, stationScope } from "../actor";
import { SESSION_COOKIE } from "./auth";

const COUNTY_ROOM = "county";
const stationRoom = (stationId: string) => `station:${stationId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

interface SocketData {
  actor: Actor;
}

type BoardNamespace = Namespace<BoardClientEvents, BoardServerEvents, Record<string, never>, SocketData>;

export interface Realtime {
  /** a coalesced positions frame: the county room gets every row, each station room its own units' */
  emitPositions(rows: readonly { row: PositionRow; stationId: string }[]): void;
  /** an event about objects of these stations: to the county room and to each station's room */
  emitScoped<E extends keyof BoardServerEvents>(
    event: E,
    payload: Parameters<BoardServerEvents[E]>[0],
    stationIds: readonly string[],
  ): void;
  /** a county-wide event every board may see (the posture) */
  emitAll<E extends keyof BoardServerEvents>(event: E, payload: Parameters<BoardServerEvents[E]>[0]): void;
  /**
   * One event whose content depends on who sees it: the county room gets `county`, each listed
   * station's room its own payload, and every other board (a chief of another station) `others`.
   */
  emitPerStation<E extends keyof BoardServerEvents>(
    event: E,
    county: Parameters<BoardServerEvents[E]>[0],
    stations: ReadonlyMap<string, Parameters<BoardServerEvents[E]>[0]>,
    others: Parameters<BoardServerEvents[E]>[0],
  ): void;
  disconnectSession(sessionId: string): Promise<void>;
  /** the relay between API processes: configured (REDIS_URL) and up */
  relayStatus(): { configured: boolean; ok: boolean };
}

declare module "fastify" {
  interface FastifyInstance {
    realtime: Realtime;
  }
}

export interface RealtimeOptions {
  redisUrl: string | undefined;
  redisPrefix: string;
  recoveryWindowMs: number;
  tickMs: number;
  /** origins besides the board's own whose pages may open a socket */
  allowedOrigins: readonly string[];
}

/**
 * A browser says where the page that opens a socket came from. It must be the board itself (the
 * origin of the Host it asked) or one of ALLOWED_ORIGINS; a client that sends no Origin is not a
 * browser page (and still needs a session cookie).
 */
function originAllowed(request: Pick<IncomingMessage, "headers">, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowed.includes(parsed.origin)) return true;
  const host = request.headers["x-forwarded-host"] ?? request.headers.host;
  return typeof host === "string" && parsed.host === host.split(",")[0]?.trim();
}

export const realtimePlugin = fp(
  async (app: FastifyInstance, opts: RealtimeOptions) => {
    let redis: ReturnType<typeof createClient> | undefined;
    let adapter: ReturnType<typeof createAdapter> | undefined;
    let relayUp = opts.redisUrl === undefined;
    let boardRef: BoardNamespace | undefined;
    const setRelay = (up: boolean) => {
      if (up === relayUp) return;
      relayUp = up;
      if (up) app.log.info("realtime relay (redis) is back: boards reload their snapshot");
      else app.log.error("realtime relay (redis) is down: boards get only this process's events until it is back");
      // only this process's boards can be told, which is exactly who needs to know
      boardRef?.local.emit("relay:status", { ok: up, at: Date.now() });
    };
    if (opts.redisUrl) {
      // a bounded command queue: while Redis is away nothing grows without limit
      redis = createClient({ url: opts.redisUrl, commandsQueueMaxLength: 2_000, pingInterval: 5_000 });
      redis.on("error", (error: Error) => {
        app.log.error({ err: error }, "redis");
        setRelay(false);
      });
      redis.on("end", () => setRelay(false));
      redis.on("reconnecting", () => setRelay(false));
      redis.on("ready", () => setRelay(true));
      await redis.connect();
      relayUp = true;
      adapter = createAdapter(redis, {
        streamName: `${opts.redisPrefix}:socket.io`,
        channelPrefix: `${opts.redisPrefix}:socket.io`,
        sessionKeyPrefix: `${opts.redisPrefix}:sio:session:`,
        maxLen: 50_000,
        blockTimeInMs: 1_000,
      });
    }

    const io = new Server<BoardClientEvents, BoardServerEvents, Record<string, never>, SocketData>(app.server, {
      serveClient: false,
      allowRequest: (request, callback) => {
        const ok = originAllowed(request, opts.allowedOrigins);
        callback(ok ? null : "origin not allowed", ok);
      },
      connectionStateRecovery: { maxDisconnectionDuration: opts.recoveryWindowMs, skipMiddlewares: false },
      ...(adapter ? { adapter } : {}),
    });
    const board: BoardNamespace = io.of(BOARD_NAMESPACE);
    boardRef = board;
    if (adapter) {
      // while the relay is down a returning board is not kept waiting on Redis: it starts afresh (and reloads)
      const nspAdapter = board.adapter as unknown as { restoreSession: (pid: string, offset: string) => Promise<unknown> };
      const restore = nspAdapter.restoreSession.bind(nspAdapter);
      nspAdapter.restoreSession = (pid, offset) => (relayUp ? restore(pid, offset) : Promise.reject(new Error("relay down")));
    }
    /** every broadcast goes through here: across processes while the relay is up, this process's own boards while it is down */
    const out = () => (relayUp ? board : board.local);

    board.use((socket, next) => {
      const header = socket.handshake.headers.cookie;
      const token = header ? app.parseCookie(header)[SESSION_COOKIE] : undefined;
      if (!token) return next(new Error("unauthorized: sign in first"));
      app.auth.resolveSession(token).then(
        (actor) => {
          if (!actor) return next(new Error("unauthorized: the session has ended"));
          if (actor.mustChangePassword) return next(new Error("password_change_required: choose a new password first"));
          socket.data.actor = actor;
          next();
        },
        (error: unknown) => {
          app.log.error({ err: error }, "socket authentication failed");
          next(new Error("internal error"));
        },
      );
    });

    board.on("connection", (socket) => {
      const actor = socket.data.actor;
      const scope = stationScope(actor);
      if (!socket.recovered) {
        // rooms are decided here, by role, and never by what the client asks for
        socket.join([scope ? stationRoom(scope) : COUNTY_ROOM, sessionRoom(actor.sessionId)]);
      }
      // with connection-state recovery even a socket's own emit goes through the adapter: while the relay
      // is down it must not wait on Redis
      out()
        .to(socket.id)
        .emit("board:hello", {
          recovered: socket.recovered,
          scope: { county: scope === null, stationId: scope },
          tickMs: opts.tickMs,
          serverTime: Date.now(),
          relay: relayUp,
        });
      socket.on("board:subscribe", (request, ack) => {
        const reply = typeof ack === "function" ? ack : () => undefined;
        const parsed = SubscribeRequest.safeParse(request);
        if (!parsed.success) return reply({ ok: false, error: "expected { stationId }" });
        const { stationId } = parsed.data;
        if (scope !== null && stationId !== scope) return reply({ ok: false, error: "not your station" });
        socket.join(stationRoom(stationId));
        reply({ ok: true });
      });
    });

    /** the typed emitters cannot take an event name chosen by the caller: the one cast lives here */
    const send = (target: unknown, event: string, payload: unknown) =>
      (target as { emit: (e: string, p: unknown) => void }).emit(event, payload);
    const realtime: Realtime = {
      emitPositions(rows) {
        if (rows.length === 0) return;
        const at = Date.now();
        out()
          .to(COUNTY_ROOM)
          .emit("units:positions", { at, units: rows.map((r) => r.row) });
        const byStation = new Map<string, PositionRow[]>();
        for (const { row, stationId } of rows) {
          const list = byStation.get(stationId);
          if (list) list.push(row);
          else byStation.set(stationId, [row]);
        }
        for (const [stationId, units] of byStation) out().to(stationRoom(stationId)).emit("units:positions", { at, units });
      },
      emitScoped(event, payload, stationIds) {
        const rooms = [COUNTY_ROOM, ...new Set(stationIds)].map((id) => (id === COUNTY_ROOM ? id : stationRoom(id)));
        // one emit to the union of rooms: a socket in several of them still gets it once
        send(out().to(rooms), event, payload);
      },
      emitPerStation(event, county, stations, others) {
        send(out().to(COUNTY_ROOM), event, county);
        for (const [stationId, payload] of stations) send(out().to(stationRoom(stationId)), event, payload);
        send(out().except([COUNTY_ROOM, ...[...stations.keys()].map(stationRoom)]), event, others);
      },
      emitAll(event, payload) {
        send(out(), event, payload);
      },
      async disconnectSession(sessionId) {
        board.in(sessionRoom(sessionId)).disconnectSockets(true);
      },
      relayStatus: () => ({ configured: opts.redisUrl !== undefined, ok: relayUp }),
    };
    app.decorate("realtime", realtime);

    app.addHook("preClose", async () => {
      // open websockets would otherwise keep the HTTP server from closing. Close the transports, not the
      // sessions: a board sees a dropped connection and reconnects (to this process restarted, or another)
      io.engine.close();
    });
    app.addHook("onClose", async () => {
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      if (redis) await redis.quit();
    });
  },
  { name: "realtime", dependencies: ["auth"] },
);
