// The grids page's map: the board's tiles and coordinate system, every grid in service (a click selects
// one), the shape being drawn or edited with leaflet-geoman (its vertices snap to the neighbours'
// vertices and edges), and the last save's warnings: overlaps filled red, gaps orange.
import type { GeoJsonPolygon, Grid, GridWarning, MapSettings } from "@onemap/shared";
import "leaflet/dist/leaflet.css";
import "./geoman";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { MapContainer, TileLayer, useMap } from "react-leaflet";
import { fromMap, setCoordSystem, toMap } from "../../../map/coords";

export type MapMode = "view" | "draw" | "edit";

const PENG_AN: [number, number] = [31.0299, 106.4111];
/** how near (px) a dragged or clicked vertex must come to a neighbour's vertex or edge to snap to it */
const SNAP_PX = 18;
/**
 * 7 decimals (~1 cm): a vertex snapped onto a neighbour's edge stays on it to within a centimetre, so
 * a shared border 1 km long leaves under 10 m² of overlap or gap (the domain's thresholds)
 */
const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

/** a drawn layer's outer ring as the API's polygon (WGS-84, closed, 7 decimals) */
function polygonOf(layer: L.Polygon): GeoJsonPolygon {
  const rings = layer.getLatLngs() as L.LatLng[][];
  const ring = (rings[0] ?? []).map((ll) => {
    const [lat, lon] = fromMap(ll.lat, ll.lng);
    return [round7(lon), round7(lat)] as [number, number];
  });
  const first = ring[0];
  if (first) ring.push([first[0], first[1]]);
  return { type: "Polygon", coordinates: [ring] };
}
const latLngsOf = (polygon: GeoJsonPolygon) => (polygon.coordinates[0] ?? []).slice(0, -1).map(([lon, lat]) => toMap(lat, lon));

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Props {
  settings: MapSettings;
  grids: readonly Grid[];
  selectedId: string | null;
  mode: MapMode;
  /** the boundary being drawn or edited (null: the selected grid's own) */
  shape: GeoJsonPolygon | null;
  onShape: (polygon: GeoJsonPolygon) => void;
  onSelect: (id: string) => void;
  warnings: readonly GridWarning[];
}

function Layers({ grids, selectedId, mode, shape, onShape, onSelect, warnings }: Omit<Props, "settings">) {
  const map = useMap();
  const handlers = useRef({ onShape, onSelect });
  handlers.current = { onShape, onSelect };
  const fitted = useRef(false);

  // every grid in service but the one being edited: snap targets, a click selects
  useEffect(() => {
    const group = L.featureGroup().addTo(map);
    for (const g of grids) {
      if (mode === "edit" && g.id === selectedId) continue;
      const selected = g.id === selectedId;
      L.polygon(latLngsOf(g.polygon), {
        color: selected ? "#1d4ed8" : "#2563eb",
        weight: selected ? 3 : 1.5,
        fillOpacity: selected ? 0.15 : 0.05,
        // a test finds a grid's outline on the map by its code
        className: `grids-shape grids-shape-${g.code.replace(/[^\w-]/g, "_")}`,
      })
        .on("click", () => handlers.current.onSelect(g.id))
        .addTo(group);
      L.marker(toMap(g.center.lat, g.center.lon), {
        interactive: false,
        keyboard: false,
        pmIgnore: true,
        snapIgnore: true,
        icon: L.divIcon({
          className: "onemap-grid-label",
          html: `<b>${escapeHtml(g.code)}</b><br>${escapeHtml(g.name)}`,
          iconSize: [110, 30],
        }),
      }).addTo(group);
    }
    if (!fitted.current && grids.length > 0) {
      fitted.current = true;
      map.fitBounds(group.getBounds(), { padding: [24, 24] });
    }
    return () => {
      group.remove();
    };
  }, [map, grids, selectedId, mode]);

  // the shape being edited: its vertices dragged, snapping to the neighbours
  const selectedPolygon = grids.find((g) => g.id === selectedId)?.polygon ?? null;
  const editing = mode === "edit" ? (shape ?? selectedPolygon) : null;
  const editingKey = editing ? JSON.stringify(editing.coordinates) : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn when the shape's coordinates change, not its identity
  useEffect(() => {
    if (!editing) return;
    const layer = L.polygon(latLngsOf(editing), { color: "#d97706", weight: 3, fillOpacity: 0.15 }).addTo(map);
    layer.pm.enable({ snappable: true, snapDistance: SNAP_PX, allowSelfIntersection: false });
    layer.on("pm:edit", () => handlers.current.onShape(polygonOf(layer)));
    return () => {
      layer.pm.disable();
      layer.remove();
    };
  }, [map, editingKey]);

  // drawing a new shape: each click a vertex, the first one again closes it
  useEffect(() => {
    if (mode !== "draw") return;
    map.pm.enableDraw("Polygon", { snappable: true, snapDistance: SNAP_PX, allowSelfIntersection: false, finishOn: null });
    const created = (e: { layer: L.Layer }) => {
      const layer = e.layer as L.Polygon;
      const polygon = polygonOf(layer);
      layer.remove();
      handlers.current.onShape(polygon);
    };
    map.on("pm:create", created);
    return () => {
      map.off("pm:create", created);
      map.pm.disableDraw();
    };
  }, [map, mode]);

  // the last save's warnings: what overlaps, in red; the gaps, orange
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const ignore = { pmIgnore: true, snapIgnore: true, interactive: false };
    for (const w of warnings) {
      const parts = w.kind === "overlap" ? w.parts : [w.polygon];
      for (const part of parts)
        L.polygon(latLngsOf(part), {
          ...ignore,
          ...(w.kind === "overlap"
            ? { color: "#dc2626", weight: 2, fillColor: "#dc2626", fillOpacity: 0.45, className: "grids-overlap" }
            : { color: "#ea580c", weight: 2, dashArray: "5 4", fillColor: "#f97316", fillOpacity: 0.35, className: "grids-gap" }),
        }).addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [map, warnings]);
  return null;
}

export function GridsMap({ settings, ...props }: Props) {
  setCoordSystem(settings.coordSystem);
  return (
    <div data-testid="grids-map" style={{ height: "100%", minHeight: 420 }}>
      <MapContainer center={PENG_AN} zoom={13} zoomSnap={0.25} maxZoom={settings.maxZoom} style={{ height: "100%", width: "100%" }}>
        {settings.tileUrl && <TileLayer url={settings.tileUrl} attribution={settings.attribution} maxZoom={settings.maxZoom} />}
        <Layers {...props} />
      </MapContainer>
    </div>
  );
}
