// The one socket controller: every realtime event lands here and goes into the stores.
import { BOARD_NAMESPACE, type Board, type BoardClientEvents, type BoardServerEvents } from "@onemap/shared";
import { io, type Socket } from "socket.io-client";
import { api } from "../api/client";
import { applyFrame, seedPositions } from "./positions";
import { useLive } from "./store";

export function loadBoard(board: Board) {
  useLive.getState().loadSnapshot(board);
  seedPositions(
    board.units.flatMap((u) =>
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
            ] as const,
          ]
        : [],
    ),
  );
}

export function connectBoard(): () => void {
  const socket: Socket<BoardServerEvents, BoardClientEvents> = io(BOARD_NAMESPACE, { transports: ["websocket"] });
  const live = useLive.getState();
  socket.on("board:hello", (hello) => {
    live.setConnection("live");
    // away longer than the recovery window: missed events are gone, so reload the snapshot
    if (!hello.recovered) api<Board>("/api/board").then(loadBoard, () => live.setConnection("reconnecting"));
  });
  socket.on("disconnect", () => live.setConnection("reconnecting"));
  socket.on("units:positions", (frame) => applyFrame(frame.units));
  socket.on("unit:status", (e) => live.setUnitStatus(e.unitId, e.status));
  socket.on("incident:created", (i) => live.upsertIncident(i));
  socket.on("incident:updated", (i) => live.upsertIncident(i));
  return () => socket.close();
}
