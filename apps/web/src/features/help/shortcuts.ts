// The board's keyboard: N new incident, D dispatch the top recommendation, J/K next/previous incident,
// L layers, ? help, Esc back out. Keys typed into a field are left to the field (except Esc).
import { useEffect } from "react";
import { runCommand } from "../../ui/commands";
import { ui, useUi } from "../../ui/store";

export const SHORTCUTS = [
  { keys: "N", label: "help.newIncident" },
  { keys: "D", label: "help.dispatchTop" },
  { keys: "Enter", label: "help.confirm" },
  { keys: "J / K", label: "help.next" },
  { keys: "L", label: "help.layers" },
  { keys: "Esc", label: "help.escape" },
  { keys: "?", label: "help.help" },
] as const;

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || el.getAttribute("role") === "combobox";
}

/** a focused control marked `data-board-keys` (the dispatch buttons) leaves Enter to the board */
const leavesEnterToBoard = (el: HTMLElement) => el.matches("[data-board-keys]");

export function useShortcuts(queue: () => { id: string }[]) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        // in a field, Esc leaves the field (and closes its dropdown); it never throws the form away
        if (typing(e.target)) (e.target as HTMLElement).blur();
        else ui.back();
        return;
      }
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      // Enter confirms from the board itself or the dispatch buttons, never from another focused button (Cancel…)
      const focus = e.target as HTMLElement | null;
      const fromBoard = !focus || focus === document.body || leavesEnterToBoard(focus);
      if (e.key === "Enter" && fromBoard && useUi.getState().dispatchAsk) {
        e.preventDefault();
        // the dispatch bar that asked sends it: the same request, the same refusal shown
        runCommand("confirm-dispatch");
        return;
      }
      const key = e.key.toLowerCase();
      if (key === "n") {
        e.preventDefault();
        ui.startDraft();
      } else if (key === "d") {
        e.preventDefault();
        // the selected incident's dispatch bar presses its top unit, as its button would
        runCommand("dispatch-top");
      } else if (key === "j" || key === "k") {
        const list = queue();
        if (list.length === 0) return;
        const at = list.findIndex((i) => i.id === useUi.getState().selectedIncidentId);
        // nothing selected: J starts at the top, K at the bottom
        const next =
          at === -1 ? (key === "j" ? 0 : list.length - 1) : key === "j" ? (at + 1) % list.length : (at - 1 + list.length) % list.length;
        ui.select(list[next]?.id ?? null);
      } else if (key === "l") {
        ui.setLayersOpen(!useUi.getState().layersOpen);
      } else if (e.key === "?") {
        ui.setHelp(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [queue]);
}
