// A small map in a form: a click places the point (WGS-84, rounded to about 0.1 m), the marker follows
// the typed latitude and longitude. Tiles as the board draws them (none configured: a plain map).
import type { MapSettings } from "@onemap/shared";
import "leaflet/dist/leaflet.css";
import { useEffect } from "react";
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap, useMapEvents } from "react-leaflet";
import { fromMap, toMap } from "../../../map/coords";

const COUNTY_CENTRE: [number, number] = [31.0299, 106.4111];
const round = (v: number) => Math.round(v * 1e6) / 1e6;
const valid = (lat: unknown, lon: unknown): lat is number =>
  typeof lat === "number" && typeof lon === "number" && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

function Clicks({ settings, onPick }: { settings: MapSettings | undefined; onPick: (lat: number, lon: number) => void }) {
  useMapEvents({
    click(e) {
      const [lat, lon] = fromMap(e.latlng.lat, e.latlng.lng, settings?.coordSystem ?? "WGS84");
      onPick(round(lat), round(lon));
    },
  });
  return null;
}

/** a point typed in that is out of sight: the map goes to it */
function Follow({ at }: { at: [number, number] | null }) {
  const map = useMap();
  useEffect(() => {
    if (at && !map.getBounds().contains(at)) map.panTo(at);
  }, [map, at]);
  return null;
}

export function LocationPicker({
  lat,
  lon,
  settings,
  onPick,
  landmarks = [],
  testId,
}: {
  /** places to find one's way by when there are no tiles (police networks are often offline): the stations */
  landmarks?: { id: string; name: string; lat: number; lon: number }[];
  lat: unknown;
  lon: unknown;
  settings: MapSettings | undefined;
  onPick: (lat: number, lon: number) => void;
  testId: string;
}) {
  const system = settings?.coordSystem ?? "WGS84";
  const at = valid(lat, lon) ? toMap(lat, lon as number, system) : null;
  return (
    <div
      data-testid={testId}
      style={{ height: 190, border: "1px solid #d9d9d9", borderRadius: 6, overflow: "hidden", cursor: "crosshair" }}
    >
      <MapContainer center={at ?? COUNTY_CENTRE} zoom={11} style={{ height: "100%", width: "100%", cursor: "crosshair" }}>
        {settings?.tileUrl ? <TileLayer url={settings.tileUrl} attribution={settings.attribution} maxZoom={settings.maxZoom} /> : null}
        {landmarks.map((l) => (
          <CircleMarker
            key={l.id}
            center={toMap(l.lat, l.lon, system)}
            radius={4}
            interactive={false}
            pathOptions={{ color: "#595959", weight: 1, fillOpacity: 0.5 }}
          >
            <Tooltip permanent direction="right" offset={[4, 0]} className="onemap-landmark">
              {l.name}
            </Tooltip>
          </CircleMarker>
        ))}
        {at && <CircleMarker center={at} radius={8} pathOptions={{ color: "#cf1322", fillOpacity: 0.6 }} />}
        <Clicks settings={settings} onPick={onPick} />
        <Follow at={at} />
      </MapContainer>
    </div>
  );
}
