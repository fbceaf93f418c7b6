// Live positions live outside React: the socket controller writes them here and the units layer
// moves its markers imperatively, so a position fix never re-renders a component.
import type { PositionRow } from "@onemap/shared";

export interface LivePosition {
  lat: number;
  lon: number;
  /** degrees clockwise from north; -1 when the device did not say */
  heading: number;
  /** km/h; -1 unknown */
  speed: number;
  fixAt: number;
}

type Listener = (changed: ReadonlyMap<string, LivePosition>, reset: boolean) => void;

const positions = new Map<string, LivePosition>();
const listeners = new Set<Listener>();
/** when this board last received a fix (its own clock), and when the current connection began */
const feed = { lastArrival: 0, since: 0, tickMs: 1000 };

/** a connection began: the feed's grace period starts now; `tickMs` is the server's frame interval */
export function feedConnected(tickMs: number) {
  feed.since = Date.now();
  feed.tickMs = tickMs;
}

/**
 * How long the position feed has been silent, in ms (0 while fixes flow). Units report every few
 * seconds and the server sends a frame per tick when any moved: a county's feed falls silent only when
 * the devices, the simulator or the intake stopped.
 */
export function feedSilenceMs(now = Date.now()): number {
  const quietAfter = Math.max(5 * feed.tickMs, 15_000);
  const silent = now - Math.max(feed.lastArrival, feed.since);
  return feed.since > 0 && silent > quietAfter ? silent : 0;
}

/** has any fix arrived since the board opened? */
export const feedStarted = () => feed.lastArrival > 0;

/** Replaces the set of units (a snapshot), keeping a newer fix already received for a unit; listeners
 * redraw from scratch. */
export function seedPositions(entries: Iterable<[string, LivePosition]>) {
  const next = new Map<string, LivePosition>();
  for (const [id, p] of entries) {
    const current = positions.get(id);
    next.set(id, current && current.fixAt > p.fixAt ? current : p);
  }
  positions.clear();
  for (const [id, p] of next) positions.set(id, p);
  for (const l of listeners) l(positions, true);
}

/** Applies one frame; a row older than what the board already shows is ignored (never move back). */
export function applyFrame(rows: readonly PositionRow[]) {
  const changed = new Map<string, LivePosition>();
  for (const [id, lat, lon, heading, speed, fixAt] of rows) {
    const current = positions.get(id);
    if (current && current.fixAt >= fixAt) continue;
    const p = { lat, lon, heading, speed, fixAt };
    positions.set(id, p);
    changed.set(id, p);
  }
  if (rows.length > 0) feed.lastArrival = Date.now();
  if (changed.size > 0) for (const l of listeners) l(changed, false);
}

export function getPosition(id: string): LivePosition | undefined {
  return positions.get(id);
}

export function onPositions(listener: Listener): () => void {
  listeners.add(listener);
  listener(positions, true);
  return () => listeners.delete(listener);
}
