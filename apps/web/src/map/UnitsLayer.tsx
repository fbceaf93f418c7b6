// Units, live: one canvas circle per unit, coloured by status, moved in place on every frame.
import type { Unit, UnitStatus } from "@onemap/shared";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import { onPositions } from "../realtime/positions";
import { useLive } from "../realtime/store";

export const STATUS_COLOUR: Record<UnitStatus, string> = {
  AVAILABLE: "#16a34a",
  DISPATCHED: "#f59e0b",
  EN_ROUTE: "#f97316",
  ON_SCENE: "#dc2626",
  BUSY: "#6b7280",
  OFF_DUTY: "#9ca3af",
  OUT_OF_SERVICE: "#111827",
};

export function UnitsLayer({ units }: { units: Unit[] }) {
  const map = useMap();
  const markers = useRef(new Map<string, L.CircleMarker>());
  const statuses = useLive((s) => s.unitStatus);

  useEffect(() => {
    const renderer = L.canvas({ padding: 0.5 });
    const group = L.layerGroup().addTo(map);
    const byId = new Map(units.map((u) => [u.id, u]));
    const off = onPositions((changed) => {
      for (const [id, p] of changed) {
        const marker = markers.current.get(id);
        if (marker) marker.setLatLng([p.lat, p.lon]);
        else {
          const unit = byId.get(id);
          if (!unit) continue;
          const m = L.circleMarker([p.lat, p.lon], {
            renderer,
            radius: 6,
            weight: 2,
            color: "#fff",
            fillColor: STATUS_COLOUR[unit.status],
            fillOpacity: 1,
          });
          m.bindTooltip(`${unit.callsign}${unit.leader ? ` · ${unit.leader.name}` : ""}`);
          m.addTo(group);
          markers.current.set(id, m);
        }
      }
    });
    return () => {
      off();
      group.remove();
      markers.current.clear();
    };
  }, [map, units]);

  useEffect(() => {
    for (const [id, status] of Object.entries(statuses)) markers.current.get(id)?.setStyle({ fillColor: STATUS_COLOUR[status] });
  }, [statuses]);
  return null;
}
