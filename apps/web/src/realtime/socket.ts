// The one socket controller: it loads the snapshot, then every realtime event lands here and goes into
// the live store (and positions.ts); server-state caches that an event makes stale are invalidated.
import type { Board, BoardClientEvents, BoardServerEvents, Incident, PostureDetail } from "@onemap/shared";
import { BOARD_NAMESPACE } from "@onemap/shared/vocabulary";
import type { FetchQueryOptions, QueryClient, QueryKey } from "@tanstack/react-query";
import { io, type Socket } from "socket.io-client";
import { syncServerClock } from "../ui/clock";
import { ui } from "../ui/store";
import { applyFrame, feedConnected, seedPositions } from "./positions";
import { live } from "./store";

/** one part of the snapshot, fetched afresh (never answered from the cache) */
export type SnapshotPart<T> = (client: QueryClient) => Promise<T>;
export const freshly =
  <T, K extends QueryKey>(query: FetchQueryOptions<T, Error, T, K>): SnapshotPart<T> =>
  (client) =>
    client.fetchQuery({ ...query, staleTime: 0 });

/**
 * The server state the controller loads and invalidates: the features' own queries and key factories
 * (features/<feature>/api), handed in by the app, so this shared layer imports no feature.
 */
export interface BoardQueries {
  board: SnapshotPart<Board>;
  openIncidents: SnapshotPart<Incident[]>;
  posture: SnapshotPart<PostureDetail>;
  /** the cached answers an event makes stale */
  keys: {
    me: QueryKey;
    stats: QueryKey;
    /** every incident's recommendations */
    recommendations: QueryKey;
    recommendationsFor: (incidentId: string) => QueryKey;
    incident: (incidentId: string) => QueryKey;
    /** what shows a roster or a station's duty report, besides the recommendations' commanding leader */
    duty: readonly QueryKey[];
  };
}

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

/** Fetches the snapshot: the board, the open incidents with their assignments, the posture. */
async function fetchSnapshot(client: QueryClient, queries: BoardQueries) {
  const [board, open, posture] = await Promise.all([
    queries.board(client),
    queries.openIncidents(client),
    queries.posture(client).catch((): PostureDetail | null => null),
  ]);
  return { board, open, posture };
}

/**
 * Connects this board. Events that arrive while a snapshot is loading are held and applied after it
 * (the snapshot may be older than they are); a snapshot that fails is retried with backoff; once closed
 * (sign-out), nothing late — a reply, a timer, an event — touches the stores again.
 */
export function connectBoard(client: QueryClient, queries: BoardQueries): () => void {
  const socket: Socket<BoardServerEvents, BoardClientEvents> = io(BOARD_NAMESPACE, { transports: ["websocket"] });
  let closed = false;
  let loaded = false;
  let loading = false;
  let held: (() => void)[] = [];
  const timers = new Set<number>();
  const later = (fn: () => void, ms: number) => {
    const id = window.setTimeout(() => {
      timers.delete(id);
      if (!closed) fn();
    }, ms);
    timers.add(id);
  };
  const { keys } = queries;
  const invalidate = (...stale: QueryKey[]) => {
    for (const queryKey of stale) void client.invalidateQueries({ queryKey });
  };
  /** an event handler: applied now, or after the snapshot being loaded */
  const on = <E extends keyof BoardServerEvents>(event: E, apply: BoardServerEvents[E]) => {
    socket.on(event, ((...args: never[]) => {
      if (closed) return;
      const run = () => (apply as (...a: never[]) => void)(...args);
      if (loading) held.push(run);
      else run();
    }) as never);
  };

  async function reload(attempt = 0) {
    if (closed || loading) return;
    loading = true;
    try {
      const { board, open, posture } = await fetchSnapshot(client, queries);
      if (closed) return;
      // after the first load, incidents the board did not know arrived while it was away: they alert
      live.loadSnapshot(board, open, posture, loaded);
      seedPositions(positionsOf(board));
      loaded = true;
      performance.mark("onemap:snapshot");
    } catch {
      if (closed) return;
      live.setConnection("reconnecting");
      later(() => void reload(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
    } finally {
      loading = false;
      const pending = held;
      held = [];
      if (!closed) for (const run of pending) run();
    }
  }

  socket.on("board:hello", (hello) => {
    if (closed) return;
    live.setConnection("live");
    live.setRelay(hello.relay);
    feedConnected(hello.tickMs);
    syncServerClock(hello.serverTime);
    // the first connection, or away longer than the recovery window: missed events are gone, so reload
    if (!loaded || !hello.recovered) void reload();
  });
  socket.on("disconnect", (reason) => {
    if (closed) return;
    live.setConnection("reconnecting");
    // the server let go of us on purpose (restart, sign-out elsewhere): Socket.IO leaves reconnecting to
    // us. Try again; a session that has ended is refused, and that sends the user to sign-in
    if (reason === "io server disconnect") later(() => socket.connect(), 1000 + Math.random() * 2000);
  });
  socket.on("connect_error", (error) => {
    if (closed) return;
    live.setConnection("reconnecting");
    // the session ended while we were away: ask who we are (a 401 sends the user to sign-in)
    if (error.message.startsWith("unauthorized")) invalidate(keys.me);
    // refused by the server's middleware (not a network error): Socket.IO does not retry that by itself
    else if (!socket.active) later(() => socket.connect(), 2000 + Math.random() * 2000);
  });
  on("units:positions", (frame) => applyFrame(frame.units));
  socket.on("county:changed", () => {
    if (closed) return;
    // stations, units, cameras or grids changed in bulk (an import): the snapshot is stale as a whole
    invalidate(keys.recommendations, keys.stats);
    void reload();
  });
  socket.on("relay:status", (status) => {
    if (closed) return;
    live.setRelay(status.ok);
    // back: what the other processes did meanwhile never reached this board
    if (status.ok) void reload();
  });
  on("unit:status", (e) => {
    live.setUnitStatus(e.unitId, e.status, e.version);
    invalidate(keys.recommendations, keys.stats);
  });
  on("incident:created", (i) => {
    live.upsertIncident(i, true);
    invalidate(keys.stats);
  });
  on("incident:updated", (i) => {
    live.upsertIncident(i, false);
    invalidate(keys.incident(i.id), keys.stats);
  });
  on("assignment:updated", (a) => {
    const { incidentId, ...assignment } = a;
    live.updateAssignment(incidentId, assignment);
    invalidate(keys.incident(incidentId));
  });
  on("tier:changed", (e) => {
    live.tierChanged(e);
    invalidate(keys.incident(e.incidentId), keys.recommendationsFor(e.incidentId));
  });
  // the county roster (who commands at each tier) or a station's duty report changed: read them again
  on("duty:changed", () => invalidate(keys.recommendations, ...keys.duty));
  on("posture:changed", (p) => live.setPosture(p));
  on("camera:status", (e) => live.setCameraStatus(e.cameraId, e.status));
  return () => {
    closed = true;
    for (const id of timers) clearTimeout(id);
    socket.close();
    live.reset();
    ui.signedOut();
    seedPositions([]);
  };
}
