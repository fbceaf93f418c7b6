// Socket.IO on the API's own HTTP server: namespace /board, authenticated by the session cookie.
// A connection joins only the rooms its role allows: `county` (operators, leaders, admins) or
// `station:<id>` (a station chief). With REDIS_URL, broadcasts go through the Redis Streams adapter,
// so a board on one API process sees what another process ingested, and connection-state recovery
// keeps working across processes.

import { BOARD_NAMESPACE, type BoardClientEvents, type BoardServerEvents, type PositionRow, SubscribeRequest } from "@onemap/shared";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createClient } from "redis";
import { type Namespace, Server } from "socket.io";
import { type Actor, stationScope } from "../actor";
import { SESSION_COOKIE } from "./auth";

export const COUNTY_ROOM = "county";
export const stationRoom = (stationId: string) => `station:${stationId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;

interface SocketData {
  actor: Actor;
}

export type BoardNamespace = Namespace<BoardClientEvents, BoardServerEvents, Record<string, never>, SocketData>;

export interface Realtime {
  board: BoardNamespace;
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
  disconnectSession(sessionId: string): Promise<void>;
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
}

export const realtimePlugin = fp(
  async (app: FastifyInstance, opts: RealtimeOptions) => {
    let redis: ReturnType<typeof createClient> | undefined;
    let adapter: ReturnType<typeof createAdapter> | undefined;
    if (opts.redisUrl) {
      redis = createClient({ url: opts.redisUrl });
      redis.on("error", (error: Error) => app.log.error({ err: error }, "redis"));
      await redis.connect();
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
      connectionStateRecovery: { maxDisconnectionDuration: opts.recoveryWindowMs, skipMiddlewares: false },
      ...(adapter ? { adapter } : {}),
    });
    const board: BoardNamespace = io.of(BOARD_NAMESPACE);

    board.use((socket, next) => {
      const header = socket.handshake.headers.cookie;
      const token = header ? app.parseCookie(header)[SESSION_COOKIE] : undefined;
      if (!token) return next(new Error("unauthorized: sign in first"));
      app.auth.resolveSession(token).then(
        (actor) => {
          if (!actor) return next(new Error("unauthorized: the session has ended"));
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
      socket.emit("board:hello", {
        recovered: socket.recovered,
        scope: { county: scope === null, stationId: scope },
        tickMs: opts.tickMs,
        serverTime: Date.now(),
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

    const realtime: Realtime = {
      board,
      emitPositions(rows) {
        if (rows.length === 0) return;
        const at = Date.now();
        board.to(COUNTY_ROOM).emit("units:positions", { at, units: rows.map((r) => r.row) });
        const byStation = new Map<string, PositionRow[]>();
        for (const { row, stationId } of rows) {
          const list = byStation.get(stationId);
          if (list) list.push(row);
          else byStation.set(stationId, [row]);
        }
        for (const [stationId, units] of byStation) board.to(stationRoom(stationId)).emit("units:positions", { at, units });
      },
      emitScoped(event, payload, stationIds) {
        const rooms = [COUNTY_ROOM, ...new Set(stationIds)].map((id) => (id === COUNTY_ROOM ? id : stationRoom(id)));
        // one emit to the union of rooms: a socket in several of them still gets it once
        (board.to(rooms) as unknown as { emit: (e: string, p: unknown) => void }).emit(event, payload);
      },
      emitAll(event, payload) {
        (board as unknown as { emit: (e: string, p: unknown) => void }).emit(event, payload);
      },
      async disconnectSession(sessionId) {
        board.in(sessionRoom(sessionId)).disconnectSockets(true);
      },
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
