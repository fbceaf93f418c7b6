// Police stations (and, for county roles, the HQ departments): a shield-blue marker with the name.
import L from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";
import { useLive } from "../realtime/store";
import { toMap } from "./coords";

export function StationsLayer() {
  const map = useMap();
  const stations = useLive((s) => s.board?.stations);
  useEffect(() => {
    if (!stations) return;
    const group = L.layerGroup(
      stations.map((s) =>
        L.circleMarker(toMap(s.lat, s.lon), {
          radius: 8,
          color: "#1e3a8a",
          weight: 2,
          fillColor: "#3b82f6",
          fillOpacity: 0.95,
          bubblingMouseEvents: false,
        }).bindTooltip(`${s.name}${s.phone ? ` · ${s.phone}` : ""}`),
      ),
    ).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, stations]);
  return null;
}
