// A new P1/P2 incident sounds a two-tone alert (Web Audio, no file to load) and keeps flashing in the
// queue and on the map until someone opens it.
import { useEffect, useRef } from "react";
import { useLive } from "../../../realtime/store";
import { useUi } from "../../../ui/store";

let audio: AudioContext | null = null;

function playAlert() {
  try {
    audio ??= new AudioContext();
    const ctx = audio;
    for (const [i, freq] of [880, 660, 880].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.15, ctx.currentTime + i * 0.22);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.22 + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.22);
      osc.stop(ctx.currentTime + i * 0.22 + 0.21);
    }
  } catch {
    // no audio device: the flash still shows
  }
}

export function useIncidentAlerts() {
  const arrived = useLive((s) => s.arrived);
  const creating = useUi((s) => s.creating);
  const heard = useRef(new Set<string>());
  useEffect(() => {
    // while this board creates an incident, wait: the new arrival may be its own (the event can come
    // before the reply); once the reply names it, every other arrival sounds
    if (creating) return;
    const own = useUi.getState().lastCreatedId;
    let fresh = false;
    for (const id of Object.keys(arrived)) {
      if (heard.current.has(id)) continue;
      heard.current.add(id);
      if (id !== own) fresh = true;
    }
    if (fresh) playAlert();
  }, [arrived, creating]);
}
