// leaflet-geoman (drawing and editing polygons, snapping to the other layers), loaded after Leaflet is
// global. Imported only by the grids page, in the admin area's chunk: the board's first load goes without it.
import "./leaflet-global";
import "@geoman-io/leaflet-geoman-free";
import "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css";
