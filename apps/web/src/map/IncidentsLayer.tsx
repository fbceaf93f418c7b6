// Open incidents: a dot coloured by priority, ringed by tier (the higher, the wider and darker),
// pulsing while a new P1/P2 has not been opened. A click selects it.
import type { ResponseTier } from "@onemap/shared";
import { isOpenIncident } from "@onemap/shared/vocabulary";
import L from "leaflet";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useMap } from "react-leaflet";
import { categoryLabel } from "../i18n";
import { useLive } from "../realtime/store";
import { PRIORITY_COLOUR } from "../ui/colours";
import { ui, useUi } from "../ui/store";
import { toMap } from "./coords";

const TIER_RING: Record<ResponseTier, { radius: number; color: string; weight: number } | null> = {
  ROUTINE: null,
  LEVEL_III: { radius: 16, color: "#f59e0b", weight: 3 },
  LEVEL_II: { radius: 20, color: "#ea580c", weight: 4 },
  LEVEL_I: { radius: 24, color: "#7f1d1d", weight: 5 },
};

export function IncidentsLayer() {
  const map = useMap();
  const { t } = useTranslation();
  const incidents = useLive((s) => s.incidents);
  const arrived = useLive((s) => s.arrived);
  const opened = useUi((s) => s.opened);
  const selected = useUi((s) => s.selectedIncidentId);

  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    // SVG (the map's default renderer is canvas): a flashing marker needs an element to animate
    const renderer = L.svg();
    for (const i of Object.values(incidents)) {
      if (!isOpenIncident(i)) continue;
      const at = toMap(i.lat, i.lon);
      const ring = TIER_RING[i.tier];
      if (ring) L.circleMarker(at, { ...ring, renderer, fill: false, interactive: false }).addTo(group);
      const marker = L.circleMarker(at, {
        renderer,
        radius: i.id === selected ? 11 : 8,
        color: i.id === selected ? "#111827" : "#fff",
        weight: i.id === selected ? 3 : 2,
        fillColor: PRIORITY_COLOUR[i.priority],
        fillOpacity: 1,
        bubblingMouseEvents: false,
        className: i.id in arrived && !opened[i.id] ? "onemap-flash" : "",
      })
        .bindTooltip(`${i.number} · ${categoryLabel(i.category)} · ${t(`tiers.${i.tier}`)}`)
        .on("click", () => ui.select(i.id))
        .addTo(group);
      if (i.id === selected) marker.bringToFront();
    }
    return () => {
      group.remove();
      renderer.remove();
    };
  }, [map, incidents, arrived, opened, selected, t]);
  return null;
}
