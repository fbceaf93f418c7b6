import type { Board } from "@onemap/shared";
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { type ReactNode, useEffect } from "react";
import { MapContainer, TileLayer, useMap, useMapEvents } from "react-leaflet";
import { CamerasLayer, GridsLayer, StationsLayer } from "./StaticLayers";
import { UnitsLayer } from "./UnitsLayer";

/** Opens fitted to what the user may see: the county, or a chief's grids. */
function FitTo({ board }: { board: Board }) {
  const map = useMap();
  useEffect(() => {
    const points = board.grids.flatMap((g) => (g.polygon.coordinates[0] ?? []).map(([lon, lat]) => [lat, lon] as [number, number]));
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [20, 20] });
  }, [map, board]);
  return null;
}

function Clicks({ onClick }: { onClick: (at: { lat: number; lon: number }) => void }) {
  useMapEvents({ click: (e) => onClick({ lat: e.latlng.lat, lon: e.latlng.lng }) });
  return null;
}

// Tiles are optional: police networks are often offline, and the board works without them.
const TILE_URL = import.meta.env.VITE_TILE_URL ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

export function BoardMap({
  board,
  onMapClick,
  children,
}: {
  board: Board;
  onMapClick: (at: { lat: number; lon: number }) => void;
  children?: ReactNode;
}) {
  return (
    <MapContainer center={[31.0299, 106.4111]} zoom={14} preferCanvas style={{ height: "100%", width: "100%", background: "#e5e7eb" }}>
      <TileLayer url={TILE_URL} attribution="&copy; OpenStreetMap" />
      <FitTo board={board} />
      <GridsLayer grids={board.grids} />
      <CamerasLayer cameras={board.cameras} />
      <StationsLayer stations={board.stations} />
      <UnitsLayer units={board.units} />
      <Clicks onClick={onMapClick} />
      {children}
    </MapContainer>
  );
}
