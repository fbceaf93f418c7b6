// The cameras near the selected incident, always shown (never clustered) with a ring, and the radius.
// A layer of the board's map (map/BoardMap.tsx), handed to it by the app.
import L from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";
import { toMap } from "../../../map/coords";
import { CAMERA_COLOUR, CAMERA_OFFLINE_COLOUR } from "../../../ui/colours";
import { ui } from "../../../ui/store";
import { useNearbyCameras } from "../nearby";

export function NearbyCamerasLayer() {
  const map = useMap();
  const nearby = useNearbyCameras();
  useEffect(() => {
    if (!nearby) return;
    const group = L.layerGroup().addTo(map);
    // the ring is drawn on the canvas: the container says it is there (for tests and tools)
    map.getContainer().dataset.nearbyRing = "shown";
    L.circle(toMap(nearby.center.lat, nearby.center.lon), {
      radius: nearby.radiusM,
      color: "#0f766e",
      weight: 1,
      dashArray: "4 4",
      fillOpacity: 0.04,
      interactive: false,
    }).addTo(group);
    for (const { camera } of nearby.cameras) {
      L.circleMarker(toMap(camera.lat, camera.lon), {
        radius: 7,
        weight: 3,
        color: "#0f766e",
        fillColor: camera.status === "ONLINE" ? CAMERA_COLOUR[camera.kind] : CAMERA_OFFLINE_COLOUR,
        fillOpacity: 1,
        bubblingMouseEvents: false,
      })
        .bindTooltip(camera.name)
        .on("click", () => ui.openCamera(camera.id))
        .addTo(group);
    }
    return () => {
      group.remove();
      delete map.getContainer().dataset.nearbyRing;
    };
  }, [map, nearby]);
  return null;
}
