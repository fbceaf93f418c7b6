// 368 cameras: clustered at low zoom (supercluster), one index per kind so a cluster never mixes
// 天网 with 卡口; a cluster shows its count in the kind's colour, and how many are offline.
// At close zoom each camera is a dot (grey when offline); a click opens the camera panel.
import type { Camera, CameraKind } from "@onemap/shared";
import L from "leaflet";
import { useEffect } from "react";
import { useMap } from "react-leaflet";
import Supercluster, { type ClusterProperties } from "supercluster";
import { useLive } from "../realtime/store";
import { CAMERA_COLOUR, CAMERA_OFFLINE_COLOUR } from "../ui/colours";
import { ui } from "../ui/store";
import { toMap } from "./coords";

const CLUSTER_UNTIL_ZOOM = 14;

type Props = { id: string; offline: number };

export function CamerasLayer() {
  const map = useMap();
  const cameras = useLive((s) => s.board?.cameras);

  useEffect(() => {
    if (!cameras) return;
    const byKind = new Map<CameraKind, Camera[]>();
    for (const c of cameras) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
    const byId = new Map(cameras.map((c) => [c.id, c]));
    const indexes = [...byKind].map(([kind, list]) => {
      const index = new Supercluster<Props, { offline: number }>({
        radius: 36,
        maxZoom: CLUSTER_UNTIL_ZOOM,
        map: (p) => ({ offline: p.offline }),
        reduce: (acc, p) => {
          acc.offline += p.offline;
        },
      });
      index.load(
        list.map((c) => {
          const [lat, lon] = toMap(c.lat, c.lon);
          return {
            type: "Feature",
            properties: { id: c.id, offline: c.status === "OFFLINE" ? 1 : 0 },
            geometry: { type: "Point", coordinates: [lon, lat] },
          };
        }),
      );
      return [kind, index] as const;
    });
    const renderer = L.canvas({ padding: 0.3 });
    const group = L.layerGroup().addTo(map);
    const draw = () => {
      group.clearLayers();
      const b = map.getBounds().pad(0.2);
      const zoom = Math.round(map.getZoom());
      for (const [kind, index] of indexes) {
        for (const f of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom)) {
          const [lon, lat] = f.geometry.coordinates as [number, number];
          const p = f.properties as Partial<ClusterProperties> & Partial<Props> & { offline: number };
          if (p.cluster) {
            const count = p.point_count ?? 0;
            const size = count < 10 ? 24 : count < 50 ? 30 : 36;
            L.marker([lat, lon], {
              keyboard: false,
              icon: L.divIcon({
                className: "onemap-camera-cluster",
                html: `<span style="background:${CAMERA_COLOUR[kind]}">${count}${p.offline ? `<i>${p.offline}</i>` : ""}</span>`,
                iconSize: [size, size],
              }),
            })
              .on("click", () =>
                map.setZoomAround([lat, lon], Math.min(index.getClusterExpansionZoom(p.cluster_id ?? 0), CLUSTER_UNTIL_ZOOM + 1)),
              )
              .addTo(group);
          } else if (p.id) {
            const camera = byId.get(p.id);
            if (!camera) continue;
            L.circleMarker([lat, lon], {
              renderer,
              radius: 4,
              weight: 1,
              color: "#fff",
              fillColor: camera.status === "ONLINE" ? CAMERA_COLOUR[kind] : CAMERA_OFFLINE_COLOUR,
              fillOpacity: 0.95,
              bubblingMouseEvents: false,
            })
              .bindTooltip(camera.name)
              .on("click", () => ui.openCamera(camera.id))
              .addTo(group);
          }
        }
      }
    };
    draw();
    map.on("moveend zoomend", draw);
    return () => {
      map.off("moveend zoomend", draw);
      group.remove();
      renderer.remove();
    };
  }, [map, cameras]);
  return null;
}
