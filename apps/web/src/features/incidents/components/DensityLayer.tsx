// Where incidents happened over the last 7 days, as a heat map (leaflet.heat), weighted by priority.
// A layer of the board's map (map/BoardMap.tsx), handed to it by the app.
import L from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";
import { toMap } from "../../../map/coords";
import { useRecentIncidents } from "../api/recent-incidents";

const WEIGHT = { P1: 1, P2: 0.75, P3: 0.5, P4: 0.3 } as const;

export function DensityLayer() {
  const map = useMap();
  const { data } = useRecentIncidents(true);
  useEffect(() => {
    if (!data) return;
    let layer: L.Layer | null = null;
    let cancelled = false;
    // leaflet.heat is a classic plugin: it extends the global L
    (window as unknown as { L: typeof L }).L = L;
    void import("leaflet.heat").then(() => {
      if (cancelled) return;
      const heat = (L as unknown as { heatLayer(points: [number, number, number][], options: object): L.Layer }).heatLayer(
        data.map((i) => [...toMap(i.lat, i.lon), WEIGHT[i.priority]] as [number, number, number]),
        { radius: 28, blur: 22, maxZoom: 16, minOpacity: 0.25 },
      );
      layer = heat.addTo(map);
    });
    return () => {
      cancelled = true;
      layer?.remove();
    };
  }, [map, data]);
  return null;
}
