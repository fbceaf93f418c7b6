// Commands: what a shortcut asks the board to do, carried out by the component that owns the action
// while it is mounted (the dispatch bar dispatches). The key handler names a command; it never looks
// for a button in the page. With no owner mounted, a command does nothing.
import { useLayoutEffect, useRef } from "react";

export type CommandId =
  /** D: dispatch the selected incident's top recommendation */
  | "dispatch-top"
  /** Enter: send the dispatch the board asked about ("send another unit?", "why police?") */
  | "confirm-dispatch";

const owners = new Map<CommandId, () => void>();

/** `run` carries out `id` until the returned function is called; the latest registration wins. */
function registerCommand(id: CommandId, run: () => void): () => void {
  owners.set(id, run);
  return () => {
    if (owners.get(id) === run) owners.delete(id);
  };
}

/** Carries out `id`; false when no mounted component owns it. */
export function runCommand(id: CommandId): boolean {
  const run = owners.get(id);
  run?.();
  return run !== undefined;
}

/**
 * Owns `id` while the calling component is mounted; `run` is always its latest committed render's (as
 * a click on one of its buttons would be: layout effects, so a key pressed right after a render sees it).
 */
export function useCommand(id: CommandId, run: () => void) {
  const latest = useRef(run);
  useLayoutEffect(() => {
    latest.current = run;
  });
  useLayoutEffect(() => registerCommand(id, () => latest.current()), [id]);
}
