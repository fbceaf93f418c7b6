// One-click dispatch that never sends a second unit by accident. The first unit goes on one press.
// Once the incident has a unit on the way, a press asks "send another?" and only Enter (or the confirm
// button) sends it; a non-police call asks why police are needed. Presses within the same moment — a
// double D, a double click — are one press.
import { isPoliceBusiness } from "@onemap/domain";
import type { IncidentCategory, Recommendation } from "@onemap/shared";
import { isActiveAssignment } from "@onemap/shared/vocabulary";
import { App as AntApp } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api/client";
import { live, useLive } from "../../../realtime/store";
import { type DispatchAsk, ui, useUi } from "../../../ui/store";
import { useDispatchUnits } from "../api/dispatch";

/** presses closer together than this are one press (a double D, a bounced click) */
const SAME_MOMENT_MS = 1500;

// per incident, across re-renders and remounts of the panel: when it was last pressed, whether a
// request is in flight, and whether this board has already sent a unit (before the event arrives)
const lastPress = new Map<string, number>();
const inFlight = new Set<string>();
const sentHere = new Map<string, number>();
/** how long this board's own dispatch counts as "on the way" before the server's event confirms it */
const SENT_HERE_MS = 30_000;

/** does the incident have a unit on the way (or did this board just send one)? */
function hasUnitOnTheWay(incidentId: string): boolean {
  if (Date.now() - (sentHere.get(incidentId) ?? 0) < SENT_HERE_MS) return true;
  const incident = useLive.getState().incidents[incidentId];
  return (incident?.assignments ?? []).some(isActiveAssignment);
}

export function useDispatchAction(incidentId: string) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const dispatch = useDispatchUnits();
  const [refusal, setRefusal] = useState<string | null>(null);
  const category = useLive((s) => s.incidents[incidentId]?.category) as IncidentCategory | undefined;
  const police = category ? isPoliceBusiness(category) : true;
  const onTheWay = useLive(() => hasUnitOnTheWay(incidentId));
  const ask = useUi((s) => (s.dispatchAsk?.incidentId === incidentId ? s.dispatchAsk : null));

  async function send(unit: Pick<Recommendation, "unitId" | "callsign">, reason?: string) {
    if (inFlight.has(incidentId)) return;
    inFlight.add(incidentId);
    setRefusal(null);
    try {
      // one key per intended dispatch: a retry of this request is the same request
      const result = await dispatch.mutateAsync({ incidentId, unitIds: [unit.unitId], key: crypto.randomUUID(), reason });
      sentHere.set(incidentId, Date.now());
      // the board knows at once, even before (or without) the socket's event
      live.upsertIncident(result.incident, false);
      void message.success(t("recs.dispatched", { callsign: unit.callsign }));
    } catch (e) {
      // no answer, or a server error: the unit may have gone — the next press asks first
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) sentHere.set(incidentId, Date.now());
      const text = t("recs.taken", { message: (e as Error).message });
      if (e instanceof ApiError && (e.status === 409 || e.status === 400)) setRefusal(text);
      else void message.error(text);
    } finally {
      inFlight.delete(incidentId);
    }
  }

  /** a press of D, the red button or a row's button */
  function press(unit: Pick<Recommendation, "unitId" | "callsign">) {
    const at = Date.now();
    if (inFlight.has(incidentId) || at - (lastPress.get(incidentId) ?? 0) < SAME_MOMENT_MS) return;
    lastPress.set(incidentId, at);
    if (useUi.getState().dispatchAsk?.incidentId === incidentId) return; // already asking: Enter decides
    const another = hasUnitOnTheWay(incidentId);
    if (another || !police) {
      ui.askDispatch({ incidentId, unitId: unit.unitId, callsign: unit.callsign, another, needsReason: !police });
      return;
    }
    void send(unit);
  }

  /** Enter or the confirm button: the asked-for unit goes */
  function confirm(reason?: string) {
    const asked: DispatchAsk | null = useUi.getState().dispatchAsk;
    if (!asked || asked.incidentId !== incidentId) return;
    if (asked.needsReason && (reason?.trim().length ?? 0) < 2) return;
    ui.askDispatch(null);
    lastPress.set(incidentId, Date.now());
    void send({ unitId: asked.unitId, callsign: asked.callsign }, reason?.trim() || undefined);
  }

  return { press, confirm, pending: dispatch.isPending, refusal, onTheWay, police, ask };
}
