// The board's keyboard: N new incident, D dispatch the top recommendation, J/K next/previous incident,
// L layers, ? help, Esc back out. Keys typed into a field are left to the field (except Esc).
import { useEffect } from "react";
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

/** D presses the selected incident's "dispatch" button: the same request, the same refusal shown */
function dispatchTop() {
  document.querySelector<HTMLButtonElement>('[data-testid="dispatch-top"]:not([disabled])')?.click();
}

/** Enter confirms a dispatch the board asked about ("send another unit?") */
function confirmDispatch() {
  document.querySelector<HTMLButtonElement>('[data-testid="dispatch-confirm"]:not([disabled])')?.click();
}

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
      const fromBoard =
        !focus || focus === document.body || focus.matches('[data-testid="dispatch-top"], [data-testid="dispatch-confirm"]');
      if (e.key === "Enter" && fromBoard && useUi.getState().dispatchAsk) {
        e.preventDefault();
        confirmDispatch();
        return;
      }
      const key = e.key.toLowerCase();
      if (key === "n") {
        e.preventDefault();
        ui.startDraft();
      } else if (key === "d") {
        e.preventDefault();
        dispatchTop();
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
