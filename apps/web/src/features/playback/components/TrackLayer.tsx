// Track playback on the map: the whole path thin, the part already played thick, the unit at the slider.
// A layer of the board's map (map/BoardMap.tsx), handed to it by the app.
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import { toMap } from "../../../map/coords";
import { usePlayback } from "../store";

export function TrackLayer() {
  const map = useMap();
  const track = usePlayback((s) => s.track);
  const index = usePlayback((s) => s.index);
  const parts = useRef<{ played: L.Polyline; marker: L.CircleMarker; points: [number, number][] } | null>(null);

  useEffect(() => {
    if (!track || track.points.length === 0) return;
    const points = track.points.map((p) => toMap(p.lat, p.lon));
    const group = L.layerGroup().addTo(map);
    const path = L.polyline(points, { color: "#0f172a", weight: 2, opacity: 0.5, interactive: false }).addTo(group);
    const played = L.polyline([], { color: "#2563eb", weight: 4, interactive: false }).addTo(group);
    const marker = L.circleMarker(points[0] ?? [0, 0], { radius: 8, color: "#fff", weight: 2, fillColor: "#2563eb", fillOpacity: 1 }).addTo(
      group,
    );
    parts.current = { played, marker, points };
    map.fitBounds(path.getBounds(), { padding: [40, 40], maxZoom: 17 });
    return () => {
      group.remove();
      parts.current = null;
    };
  }, [map, track]);

  useEffect(() => {
    const p = parts.current;
    if (!p) return;
    const upto = Math.min(index, p.points.length - 1);
    p.played.setLatLngs(p.points.slice(0, upto + 1));
    const at = p.points[upto];
    if (at) p.marker.setLatLng(at);
  }, [index]);
  return null;
}
