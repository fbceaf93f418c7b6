// leaflet-geoman extends the global `L` when it loads: Leaflet is put there first (geoman.ts imports this before it).
import L from "leaflet";

(globalThis as unknown as { L: typeof L }).L = L;
