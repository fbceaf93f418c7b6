// The page hooks `npm run bench:board` and the board e2e drive the board with. They exist only in the
// test build (npm run build:test → dist-test; main.tsx loads them in that mode alone), never in dist/:
// they read the map, the units layer and the live store, and they also change what the board shows —
// applyFrame feeds positions into the store as the socket controller would, setLayer switches layers.
import type { PositionRow } from "@onemap/shared";
import { applyFrame } from "../realtime/positions";
import { useLive } from "../realtime/store";
import { type LayerId, ui } from "../ui/store";
import { mapRegistry } from "./registry";

interface OnemapHooks {
  map: () => typeof mapRegistry.map;
  unitCount: () => number;
  /** where the units layer draws a unit now (null: not drawn) */
  unitAt: (id: string) => { lat: number; lon: number } | null;
  /** the units known to the board (its scope) and their home station */
  units: () => { id: string; homeStationId: string; status: string }[];
  /** applies a frame the way the socket controller does and draws it; returns ms spent */
  applyFrame: (rows: PositionRow[]) => number;
  setLayer: (id: LayerId, on: boolean) => void;
  /** what the board was loaded with */
  counts: () => { units: number; cameras: number; grids: number; zoom: number | undefined };
}

declare global {
  interface Window {
    __onemap?: OnemapHooks;
  }
}

export function exposeBenchHooks() {
  window.__onemap = {
    map: () => mapRegistry.map,
    unitCount: () => mapRegistry.units?.size ?? 0,
    unitAt: (id) => {
      const at = mapRegistry.units?.positionOf(id);
      return at ? { lat: at.lat, lon: at.lng } : null;
    },
    units: () => Object.values(useLive.getState().units).map((u) => ({ id: u.id, homeStationId: u.homeStationId, status: u.status })),
    applyFrame: (rows) => {
      const t0 = performance.now();
      applyFrame(rows);
      mapRegistry.units?.drawNow();
      return performance.now() - t0;
    },
    setLayer: (id, on) => ui.toggleLayer(id, on),
    counts: () => {
      const board = useLive.getState().board;
      return {
        units: board?.units.length ?? 0,
        cameras: board?.cameras.length ?? 0,
        grids: board?.grids.length ?? 0,
        zoom: mapRegistry.map?.getZoom(),
      };
    },
  };
}
