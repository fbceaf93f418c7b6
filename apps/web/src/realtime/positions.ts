// Live positions live outside React: the socket controller writes them here and the units layer
// moves its markers imperatively, so a position fix never re-renders a component.
import type { PositionRow } from "@onemap/shared";

export interface LivePosition {
  lat: number;
  lon: number;
  heading: number;
  speed: number;
  fixAt: number;
}

type Listener = (changed: ReadonlyMap<string, LivePosition>) => void;

const positions = new Map<string, LivePosition>();
const listeners = new Set<Listener>();

export function seedPositions(entries: Iterable<[string, LivePosition]>) {
  for (const [id, p] of entries) positions.set(id, p);
  const all = new Map(positions);
  for (const l of listeners) l(all);
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
  if (changed.size > 0) for (const l of listeners) l(changed);
}

export function onPositions(listener: Listener): () => void {
  listeners.add(listener);
  listener(new Map(positions));
  return () => listeners.delete(listener);
}
