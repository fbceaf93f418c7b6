// A line from each unit on an open assignment to its incident, following the unit as it moves
// (redrawn from the units layer's drawn position after each positions frame, not by React).
import { isActiveAssignment, isOpenIncident } from "@onemap/shared/vocabulary";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import { onPositions } from "../realtime/positions";
import { useLive } from "../realtime/store";
import { useUi } from "../ui/store";
import { toMap } from "./coords";
import { mapRegistry } from "./registry";

export function DispatchLinesLayer() {
  const map = useMap();
  const incidents = useLive((s) => s.incidents);
  const selected = useUi((s) => s.selectedIncidentId);
  const lines = useRef<{ unitId: string; line: L.Polyline; to: [number, number] }[]>([]);

  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    // a few lines: SVG, so each is an element of its own (and can be found by tests)
    const renderer = L.svg();
    lines.current = [];
    for (const i of Object.values(incidents)) {
      if (!isOpenIncident(i)) continue;
      const to = toMap(i.lat, i.lon);
      for (const a of i.assignments ?? []) {
        if (!isActiveAssignment(a)) continue;
        const line = L.polyline([to, to], {
          color: i.id === selected ? "#1d4ed8" : "#f97316",
          weight: i.id === selected ? 3 : 2,
          dashArray: a.status === "ON_SCENE" ? "" : "8 6",
          interactive: false,
          renderer,
          className: "onemap-dispatch-line",
        }).addTo(group);
        lines.current.push({ unitId: a.unitId, line, to });
      }
    }
    const follow = () => {
      for (const { unitId, line, to } of lines.current) {
        const from = mapRegistry.units?.positionOf(unitId);
        if (from) line.setLatLngs([from, to]);
      }
    };
    follow();
    // after a frame, and once more when the glide has ended
    let timer = 0;
    const off = onPositions(() => {
      follow();
      clearTimeout(timer);
      timer = window.setTimeout(follow, 1000);
    });
    return () => {
      off();
      clearTimeout(timer);
      group.remove();
      renderer.remove();
    };
  }, [map, incidents, selected]);
  return null;
}
