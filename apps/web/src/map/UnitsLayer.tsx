// Units, live: the canvas layer subscribes to positions.ts (no React re-render per fix) and to the
// units' status in the live store (a rare change); the selected incident's units are ringed.
import { isActiveAssignment } from "@onemap/shared/vocabulary";
import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import { onPositions } from "../realtime/positions";
import { useLive } from "../realtime/store";
import { useUi } from "../ui/store";
import { mapRegistry } from "./registry";
import { UnitCanvasLayer } from "./unit-canvas";

export function UnitsLayer() {
  const map = useMap();
  const layer = useRef<UnitCanvasLayer | null>(null);
  const units = useLive((s) => s.units);
  const selected = useUi((s) => s.selectedIncidentId);
  const incident = useLive((s) => (selected ? s.incidents[selected] : undefined));

  useEffect(() => {
    const l = new UnitCanvasLayer().addTo(map);
    layer.current = l;
    mapRegistry.units = l;
    const off = onPositions((changed, reset) => {
      if (reset) l.clear();
      for (const [id, p] of changed) {
        // read the store, not this render's props: a snapshot fills the store and seeds positions at once
        const unit = useLive.getState().units[id];
        if (!unit) continue;
        l.move(id, p.lat, p.lon, p.heading, p.fixAt, unit, !reset);
      }
    });
    return () => {
      off();
      l.remove();
      layer.current = null;
      mapRegistry.units = null;
    };
  }, [map]);

  useEffect(() => {
    const l = layer.current;
    if (!l) return;
    for (const unit of Object.values(units)) l.setMeta(unit.id, unit);
  }, [units]);

  useEffect(() => {
    const ids = new Set((incident?.assignments ?? []).filter(isActiveAssignment).map((a) => a.unitId));
    layer.current?.highlight(ids);
  }, [incident]);
  return null;
}
