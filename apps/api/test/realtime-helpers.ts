import type { BoardClientEvents, BoardHello, BoardServerEvents, PositionsFrame } from "@onemap/shared";
import { io, type Socket } from "socket.io-client";

export type BoardSocket = Socket<BoardServerEvents, BoardClientEvents>;

/** A real socket.io-client board, signed in with the session cookie. Resolves on `board:hello`. */
export function connectBoard(baseUrl: string, cookie: string | null): Promise<{ socket: BoardSocket; hello: BoardHello }> {
  return new Promise((resolve, reject) => {
    const socket: BoardSocket = io(`${baseUrl}/board`, {
      transports: ["websocket"],
      extraHeaders: cookie ? { cookie } : {},
      reconnection: false,
      forceNew: true,
    });
    socket.once("board:hello", (hello) => resolve({ socket, hello }));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Collects every positions frame a board receives. */
export function recordFrames(socket: BoardSocket) {
  const frames: { frame: PositionsFrame; receivedAt: number }[] = [];
  socket.on("units:positions", (frame) => frames.push({ frame, receivedAt: Date.now() }));
  return {
    frames,
    unitIds: () => new Set(frames.flatMap(({ frame }) => frame.units.map((u) => u[0]))),
    /** resolves with the first row for this unit (waiting up to `ms`), or rejects */
    waitFor(unitId: string, ms = 2000) {
      return new Promise<{ row: PositionsFrame["units"][number]; receivedAt: number }>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          for (const { frame, receivedAt } of frames) {
            const row = frame.units.find((u) => u[0] === unitId);
            if (row) return resolve({ row, receivedAt });
          }
          if (Date.now() - started > ms) return reject(new Error(`no frame with ${unitId} within ${ms} ms`));
          setTimeout(check, 10);
        };
        check();
      });
    },
  };
}

export function waitForEvent<E extends keyof BoardServerEvents>(
  socket: BoardSocket,
  event: E,
  ms = 2000,
): Promise<Parameters<BoardServerEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${ms} ms`)), ms);
    const handler = ((payload: Parameters<BoardServerEvents[E]>[0]) => {
      clearTimeout(timer);
      resolve(payload);
    }) as BoardServerEvents[E];
    (socket as unknown as { once: (e: string, h: unknown) => void }).once(event, handler);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
