// Grids, stations and cameras: drawn once from the snapshot.
import type { Camera, Grid, Station } from "@onemap/shared";
import L from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";

export function GridsLayer({ grids }: { grids: Grid[] }) {
  const map = useMap();
  useEffect(() => {
    const group = L.layerGroup(
      grids.map((g) =>
        L.polygon(
          (g.polygon.coordinates[0] ?? []).map(([lon, lat]) => [lat, lon] as [number, number]),
          { color: "#2563eb", weight: 1, fillOpacity: 0.04 },
        ).bindTooltip(`${g.name}${g.owner ? ` · ${g.owner.name}` : ""}`, { sticky: true }),
      ),
    ).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, grids]);
  return null;
}

export function StationsLayer({ stations }: { stations: Station[] }) {
  const map = useMap();
  useEffect(() => {
    const group = L.layerGroup(
      stations.map((s) =>
        L.circleMarker([s.lat, s.lon], { radius: 8, color: "#1e3a8a", fillColor: "#3b82f6", fillOpacity: 0.9 }).bindTooltip(s.name),
      ),
    ).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, stations]);
  return null;
}

export function CamerasLayer({ cameras }: { cameras: Camera[] }) {
  const map = useMap();
  useEffect(() => {
    const renderer = L.canvas();
    const colour = { SKYNET: "#7c3aed", SECURITY_CHECKPOINT: "#0891b2", TRAFFIC_CHECKPOINT: "#ca8a04", SOCIAL: "#64748b" } as const;
    const group = L.layerGroup(
      cameras.map((c) =>
        L.circleMarker([c.lat, c.lon], {
          renderer,
          radius: 2.5,
          weight: 0,
          fillColor: c.status === "ONLINE" ? colour[c.kind] : "#9ca3af",
          fillOpacity: 0.8,
        }).bindTooltip(c.name),
      ),
    ).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, cameras]);
  return null;
}
