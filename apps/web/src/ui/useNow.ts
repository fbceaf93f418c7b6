import { useSyncExternalStore } from "react";

// One clock for every running timer on the board: a single interval per period, so the queue, the
// incident, the unit card and the header re-render in one pass each second rather than in one pass each
// (on a loaded machine, four separate renders a second were a good part of the board's main thread).
const clocks = new Map<number, { now: number; listeners: Set<() => void>; timer: number }>();

function clock(everyMs: number) {
  let c = clocks.get(everyMs);
  if (!c) {
    const created = { now: Date.now(), listeners: new Set<() => void>(), timer: 0 };
    c = created;
    clocks.set(everyMs, created);
  }
  return c;
}

function subscribe(everyMs: number, onTick: () => void): () => void {
  const c = clock(everyMs);
  c.listeners.add(onTick);
  if (c.listeners.size === 1) {
    c.now = Date.now();
    c.timer = window.setInterval(() => {
      c.now = Date.now();
      for (const l of c.listeners) l();
    }, everyMs);
  }
  return () => {
    c.listeners.delete(onTick);
    if (c.listeners.size === 0) {
      clearInterval(c.timer);
      clocks.delete(everyMs);
    }
  };
}

/** one subscribe function per period, so React does not resubscribe on every render */
const subscribers = new Map<number, (onTick: () => void) => () => void>();
const subscriberOf = (everyMs: number) => {
  let s = subscribers.get(everyMs);
  if (!s) {
    s = (onTick: () => void) => subscribe(everyMs, onTick);
    subscribers.set(everyMs, s);
  }
  return s;
};

/** the wall clock, re-read every `everyMs` (for running timers); every user of one period ticks together */
export function useNow(everyMs = 1000): number {
  return useSyncExternalStore(subscriberOf(everyMs), () => clock(everyMs).now);
}
