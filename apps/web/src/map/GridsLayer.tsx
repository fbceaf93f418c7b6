// The 18 patrol grids: outlines with their name and owner officer; under a raised posture, a grid
// below its minimum patrol coverage is filled red and says how many patrol it against the minimum.
import L from "leaflet";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useMap } from "react-leaflet";
import { useLive } from "../realtime/store";
import { toMap } from "./coords";

export function GridsLayer() {
  const map = useMap();
  const { t } = useTranslation();
  const grids = useLive((s) => s.board?.grids);
  const posture = useLive((s) => s.posture);
  const polygons = useRef(new Map<string, L.Polygon>());

  useEffect(() => {
    if (!grids) return;
    const group = L.layerGroup().addTo(map);
    for (const g of grids) {
      const ring = (g.polygon.coordinates[0] ?? []).map(([lon, lat]) => toMap(lat, lon));
      const polygon = L.polygon(ring, { color: "#2563eb", weight: 1, fillOpacity: 0.03, interactive: false }).addTo(group);
      polygons.current.set(g.id, polygon);
      L.marker(toMap(g.center.lat, g.center.lon), {
        interactive: false,
        keyboard: false,
        icon: L.divIcon({
          className: "onemap-grid-label",
          html: `<b>${escapeHtml(g.name)}</b>${g.owner ? `<br>${escapeHtml(g.owner.name)}` : ""}`,
          iconSize: [110, 30],
        }),
      }).addTo(group);
    }
    return () => {
      group.remove();
      polygons.current.clear();
    };
  }, [map, grids]);

  useEffect(() => {
    const raised = posture && posture.level !== "ROUTINE";
    const under = new Map((posture?.grids ?? []).filter((g) => g.underMinimum).map((g) => [g.gridId, g]));
    for (const [id, polygon] of polygons.current) {
      const g = raised ? under.get(id) : undefined;
      polygon.setStyle(
        g
          ? { color: "#dc2626", weight: 2.5, dashArray: "6 4", fillColor: "#dc2626", fillOpacity: 0.18 }
          : { color: "#2563eb", weight: 1, dashArray: "", fillColor: "#2563eb", fillOpacity: 0.03 },
      );
      polygon.unbindTooltip();
      if (g) polygon.bindTooltip(t("posture.gridCoverage", { patrolling: g.patrolling, minimum: g.minimum }), { sticky: true });
    }
  }, [posture, t]);
  return null;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
