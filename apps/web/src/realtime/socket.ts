// The one socket controller: it loads the snapshot, then every realtime event lands here and goes into
// the live store (and positions.ts); server-state caches that an event makes stale are invalidated.
import { BOARD_NAMESPACE, type Board, type BoardClientEvents, type BoardServerEvents, type PostureDetail } from "@onemap/shared";
import type { QueryClient } from "@tanstack/react-query";
import { io, type Socket } from "socket.io-client";
import { meQuery } from "../features/auth/api/me";
import { boardQuery } from "../features/board/api/board";
import { openIncidentsQuery } from "../features/incidents/api/open-incidents";
import { postureQuery } from "../features/posture/api/posture";
import { ui } from "../ui/store";
import { applyFrame, seedPositions } from "./positions";
import { live } from "./store";

function positionsOf(board: Board) {
  return board.units.flatMap((u) =>
    u.lastFix
      ? [
          [
            u.id,
            {
              lat: u.lastFix.lat,
              lon: u.lastFix.lon,
              heading: u.lastFix.heading ?? -1,
              speed: u.lastFix.speed ?? -1,
              fixAt: Date.parse(u.lastFix.at),
            },
          ] as [string, { lat: number; lon: number; heading: number; speed: number; fixAt: number }],
        ]
      : [],
  );
}

/** (Re)loads the snapshot: on sign-in, and whenever the board was away too long for a replay. */
export async function loadSnapshot(client: QueryClient) {
  const [board, open, posture] = await Promise.all([
    client.fetchQuery({ ...boardQuery, staleTime: 0 }),
    client.fetchQuery({ ...openIncidentsQuery, staleTime: 0 }),
    client.fetchQuery(postureQuery).catch((): PostureDetail | null => null),
  ]);
  live.loadSnapshot(board, open, posture);
  seedPositions(positionsOf(board));
  performance.mark("onemap:snapshot");
}

export function connectBoard(client: QueryClient): () => void {
  const socket: Socket<BoardServerEvents, BoardClientEvents> = io(BOARD_NAMESPACE, { transports: ["websocket"] });
  let first = true;
  const invalidate = (...keys: string[][]) => {
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  };

  socket.on("board:hello", (hello) => {
    live.setConnection("live");
    // the first connection, or away longer than the recovery window: missed events are gone, so reload
    if (first || !hello.recovered) loadSnapshot(client).catch(() => live.setConnection("reconnecting"));
    first = false;
  });
  socket.on("disconnect", (reason) => {
    live.setConnection("reconnecting");
    // the server let go of us on purpose (restart, sign-out elsewhere): Socket.IO leaves reconnecting to
    // us. Try again; a session that has ended is refused, and that sends the user to sign-in
    if (reason === "io server disconnect") setTimeout(() => socket.connect(), 1000 + Math.random() * 2000);
  });
  socket.on("connect_error", (error) => {
    live.setConnection("reconnecting");
    // the session ended while we were away: ask who we are (a 401 sends the user to sign-in)
    if (error.message.startsWith("unauthorized")) void client.invalidateQueries({ queryKey: meQuery.queryKey });
    // refused by the server's middleware (not a network error): Socket.IO does not retry that by itself
    else if (!socket.active) setTimeout(() => socket.connect(), 2000 + Math.random() * 2000);
  });
  socket.on("units:positions", (frame) => applyFrame(frame.units));
  socket.on("unit:status", (e) => {
    live.setUnitStatus(e.unitId, e.status, e.version);
    invalidate(["recommendations"], ["stats"]);
  });
  socket.on("incident:created", (i) => {
    live.upsertIncident(i, true);
    invalidate(["stats"]);
  });
  socket.on("incident:updated", (i) => {
    live.upsertIncident(i, false);
    invalidate(["incident", i.id], ["stats"]);
  });
  socket.on("assignment:updated", (a) => {
    const { incidentId, ...assignment } = a;
    live.updateAssignment(incidentId, assignment);
    invalidate(["incident", incidentId]);
  });
  socket.on("tier:changed", (e) => {
    live.tierChanged(e);
    invalidate(["incident", e.incidentId], ["recommendations", e.incidentId]);
  });
  socket.on("posture:changed", (p) => live.setPosture(p));
  return () => {
    socket.close();
    live.reset();
    ui.signedOut();
    seedPositions([]);
  };
}
