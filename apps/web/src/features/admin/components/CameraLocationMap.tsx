// A small map in the camera form: the county's grids for orientation, the camera's point, and a click
// that places it. Drawn on the deployment's base map when one is set (in its coordinate system), else on
// a blank map with the grids alone.
import type { CoordSystem, Grid } from "@onemap/shared";
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { CircleMarker, MapContainer, Polygon, TileLayer, useMap, useMapEvents } from "react-leaflet";
import { fromMap, toMap } from "../../../map/coords";
import { useMapSettings } from "../api/cameras";

const PENG_AN: [number, number] = [31.0299, 106.4111];
const round = (v: number) => Math.round(v * 1e6) / 1e6;

function Fit({ grids, point, system }: { grids: readonly Grid[]; point: [number, number] | null; system: CoordSystem }) {
  const map = useMap();
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current) return;
    if (point) {
      fitted.current = true;
      map.setView(point, 15);
    } else if (grids.length > 0) {
      fitted.current = true;
      map.fitBounds(L.latLngBounds(grids.flatMap((g) => (g.polygon.coordinates[0] ?? []).map(([lon, lat]) => toMap(lat, lon, system)))));
    }
  }, [map, grids, point, system]);
  return null;
}

function Clicks({ onPick, system }: { onPick: (lat: number, lon: number) => void; system: CoordSystem }) {
  useMapEvents({
    click(e) {
      const [lat, lon] = fromMap(e.latlng.lat, e.latlng.lng, system);
      onPick(round(lat), round(lon));
    },
  });
  return null;
}

export function CameraLocationMap({
  grids,
  lat,
  lon,
  onPick,
}: {
  grids: readonly Grid[];
  lat: number | null | undefined;
  lon: number | null | undefined;
  onPick: (lat: number, lon: number) => void;
}) {
  const settings = useMapSettings();
  if (!settings.data) return <div style={{ height: 260 }} />;
  const system = settings.data.coordSystem;
  const point = typeof lat === "number" && typeof lon === "number" ? toMap(lat, lon, system) : null;
  return (
    <div style={{ height: 260, border: "1px solid #d9d9d9", borderRadius: 6, overflow: "hidden" }} data-testid="camera-map">
      <MapContainer center={point ?? PENG_AN} zoom={12} style={{ height: "100%", background: "#f5f5f5" }} attributionControl={false}>
        {settings.data.tileUrl && <TileLayer url={settings.data.tileUrl} maxZoom={settings.data.maxZoom} />}
        {grids.map((g) => (
          <Polygon
            key={g.id}
            positions={(g.polygon.coordinates[0] ?? []).map(([x, y]) => toMap(y, x, system))}
            pathOptions={{ color: "#8c8c8c", weight: 1, fillOpacity: 0.04 }}
            interactive={false}
          />
        ))}
        {point && <CircleMarker center={point} radius={7} pathOptions={{ color: "#1677ff", fillOpacity: 0.9 }} />}
        <Fit grids={grids} point={point} system={system} />
        <Clicks onPick={onPick} system={system} />
      </MapContainer>
    </div>
  );
}
