// The live map objects other layers and the benchmark reach for: the map and the units layer.
import type L from "leaflet";
import type { UnitCanvasLayer } from "./unit-canvas";

export const mapRegistry: { map: L.Map | null; units: UnitCanvasLayer | null } = { map: null, units: null };
