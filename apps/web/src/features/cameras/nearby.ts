// The cameras within NEARBY_RADIUS_M of the selected incident, nearest first.
import { distanceMeters } from "@onemap/domain";
import type { Camera } from "@onemap/shared";
import { isOpenIncident } from "@onemap/shared/vocabulary";
import { useMemo } from "react";
import { useLive } from "../../realtime/store";
import { useUi } from "../../ui/store";

const NEARBY_RADIUS_M = 500;

export interface NearbyCameras {
  center: { lat: number; lon: number };
  radiusM: number;
  cameras: { camera: Camera; distanceM: number }[];
}

function camerasNear(cameras: Camera[], center: { lat: number; lon: number }, radiusM = NEARBY_RADIUS_M) {
  return cameras
    .map((camera) => ({ camera, distanceM: distanceMeters(center, camera) }))
    .filter((c) => c.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM);
}

export function useNearbyCameras(): NearbyCameras | null {
  const selected = useUi((s) => s.selectedIncidentId);
  const incident = useLive((s) => (selected ? s.incidents[selected] : undefined));
  const cameras = useLive((s) => s.board?.cameras);
  // a finished incident needs no cameras ringed on the map
  const open = incident ? isOpenIncident(incident) : false;
  const lat = open ? incident?.lat : undefined;
  const lon = open ? incident?.lon : undefined;
  return useMemo(() => {
    if (lat === undefined || lon === undefined || !cameras) return null;
    return { center: { lat, lon }, radiusM: NEARBY_RADIUS_M, cameras: camerasNear(cameras, { lat, lon }) };
  }, [lat, lon, cameras]);
}
