// The one map. Each layer is its own component that adds itself on mount, updates imperatively and
// removes itself on unmount; the layer switcher mounts and unmounts them. The layers of shared state
// live here; those drawing a feature's data (density, nearby cameras, a replayed track) live in their
// feature and are handed in by the app, so the map imports no feature. A click on a unit opens its
// card; with the new-incident form open, a click on the map places the incident.
import { distanceMeters } from "@onemap/domain";
import type { MapSettings } from "@onemap/shared";
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { type ReactNode, useEffect, useRef } from "react";
import { MapContainer, TileLayer, useMap, useMapEvents } from "react-leaflet";
import { useLive } from "../realtime/store";
import { ui, useUi } from "../ui/store";
import { CamerasLayer } from "./CamerasLayer";
import { fromMap, setCoordSystem, toMap } from "./coords";
import { DispatchLinesLayer } from "./DispatchLinesLayer";
import { GridsLayer } from "./GridsLayer";
import { IncidentsLayer } from "./IncidentsLayer";
import { LayerSwitcher } from "./LayerSwitcher";
import { mapRegistry } from "./registry";
import { StationsLayer } from "./StationsLayer";
import { UnitsLayer } from "./UnitsLayer";

const PENG_AN: [number, number] = [31.0299, 106.4111];

/** Opens fitted to what the user may see: the county, or a chief's own grids. */
function FitToGrids() {
  const map = useMap();
  const grids = useLive((s) => s.board?.grids);
  const fitted = useRef(false);
  useEffect(() => {
    // once: a snapshot reloaded later must not move the map under the operator
    if (fitted.current || !grids || grids.length === 0) return;
    fitted.current = true;
    const points = grids.flatMap((g) => (g.polygon.coordinates[0] ?? []).map(([lon, lat]) => toMap(lat, lon)));
    map.fitBounds(L.latLngBounds(points), { padding: [20, 20] });
  }, [map, grids]);
  return null;
}

function Clicks() {
  useMapEvents({
    click(e) {
      const unit = mapRegistry.units?.hit(e.containerPoint);
      if (unit) {
        ui.openUnit(unit.id);
        return;
      }
      if (useUi.getState().draft) {
        const [lat, lon] = fromMap(e.latlng.lat, e.latlng.lng);
        ui.editDraft({ lat: round(lat), lon: round(lon) });
      }
    },
  });
  return null;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function Registry() {
  const map = useMap();
  useEffect(() => {
    mapRegistry.map = map;
    return () => {
      mapRegistry.map = null;
    };
  }, [map]);
  return null;
}

/** the draft incident's pin, where the form's coordinates point */
function DraftPin() {
  const map = useMap();
  const lat = useUi((s) => s.draft?.lat);
  const lon = useUi((s) => s.draft?.lon);
  useEffect(() => {
    if (lat === undefined || lon === undefined) return;
    const marker = L.circleMarker(toMap(lat, lon), {
      radius: 9,
      color: "#111827",
      weight: 3,
      dashArray: "3 3",
      fillColor: "#fde047",
      fillOpacity: 1,
    }).addTo(map);
    const bounds = map.getBounds();
    if (!bounds.contains(marker.getLatLng())) map.panTo(marker.getLatLng());
    return () => {
      marker.remove();
    };
  }, [map, lat, lon]);
  return null;
}

/** keeps the selected incident in view */
function FollowSelection() {
  const map = useMap();
  const selected = useUi((s) => s.selectedIncidentId);
  useEffect(() => {
    const i = selected ? useLive.getState().incidents[selected] : undefined;
    if (!i) return;
    const at = L.latLng(toMap(i.lat, i.lon));
    const center = map.getCenter();
    if (
      !map.getBounds().pad(-0.15).contains(at) ||
      distanceMeters({ lat: center.lat, lon: center.lng }, { lat: at.lat, lon: at.lng }) > 50_000
    )
      map.panTo(at);
  }, [map, selected]);
  return null;
}

/** a tile server that failed this many tiles without serving one is unreachable: stop asking it */
const TILE_FAILURES_BEFORE_GIVING_UP = 4;

/**
 * The base map, when one is configured (TILE_URL empty = none) and switched on. Police networks are
 * often offline: once the tile server is known unreachable the layer is dropped, so panning does not
 * fire a failing request (and a console error) per tile.
 */
function BaseTiles({ settings }: { settings: MapSettings }) {
  const on = useUi((s) => s.layers.base !== false);
  const down = useUi((s) => s.tilesDown);
  const tally = useRef({ failed: 0, loaded: 0 });
  // switched back on: a fresh count
  useEffect(() => {
    if (!down) tally.current = { failed: 0, loaded: 0 };
  }, [down]);
  if (!settings.tileUrl || !on || down) return null;
  return (
    <TileLayer
      url={settings.tileUrl}
      attribution={settings.attribution}
      maxZoom={settings.maxZoom}
      eventHandlers={{
        tileload: () => {
          tally.current.loaded++;
        },
        tileerror: () => {
          if (++tally.current.failed >= TILE_FAILURES_BEFORE_GIVING_UP && tally.current.loaded === 0) ui.setTilesDown(true);
        },
      }}
    />
  );
}

/** The layers that draw a feature's data, each put at its place in the stack. */
export interface FeatureLayers {
  /** the incidents of the last 7 days as a heat map, under everything (while the density layer is on) */
  density: ReactNode;
  /** the cameras around the selected incident: over the incidents, under the units */
  nearbyCameras: ReactNode;
  /** the track being replayed, over the units */
  track: ReactNode;
}

export function BoardMap({ settings, featureLayers }: { settings: MapSettings; featureLayers: FeatureLayers }) {
  setCoordSystem(settings.coordSystem);
  const layers = useUi((s) => s.layers);
  const drafting = useUi((s) => s.draft !== null);
  return (
    <div className={`onemap-map${drafting ? " onemap-picking" : ""}`} data-testid="map">
      <MapContainer center={PENG_AN} zoom={14} maxZoom={settings.maxZoom} preferCanvas style={{ height: "100%", width: "100%" }}>
        {/* tiles are optional: police networks are often offline, and the board works without them */}
        <BaseTiles settings={settings} />
        <Registry />
        <FitToGrids />
        {layers.density && featureLayers.density}
        {layers.grids && <GridsLayer />}
        {layers.cameras && <CamerasLayer />}
        {layers.stations && <StationsLayer />}
        {layers.lines && <DispatchLinesLayer />}
        {layers.incidents && <IncidentsLayer />}
        {featureLayers.nearbyCameras}
        {layers.units && <UnitsLayer />}
        {featureLayers.track}
        <DraftPin />
        <FollowSelection />
        <Clicks />
      </MapContainer>
      <LayerSwitcher hasBaseMap={settings.tileUrl !== ""} />
    </div>
  );
}
