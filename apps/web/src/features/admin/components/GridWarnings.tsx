// What the last save (or import) of a grid should make the administrator look at: each grid it
// overlaps (named, with the shared area) and each gap the county's grids leave. Drawn on the map too.
import type { GridWarning } from "@onemap/shared";
import { Alert } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

/** an area in the board's language: m² below a hectare, km² above */
const areaText = (t: TFunction<"admin">, m2: number) =>
  m2 >= 10_000 ? t("grids.squareKm", { n: (m2 / 1_000_000).toFixed(m2 >= 1_000_000 ? 2 : 3) }) : t("grids.squareMetres", { n: m2 });

export function GridWarnings({ warnings }: { warnings: readonly GridWarning[] | null }) {
  const { t } = useTranslation("admin");
  if (!warnings) return null;
  if (warnings.length === 0) return <Alert type="success" showIcon title={t("grids.noWarnings")} data-testid="grid-warnings" />;
  return (
    <Alert
      type="warning"
      showIcon
      title={t("grids.warnings")}
      data-testid="grid-warnings"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 140, overflow: "auto" }}>
          {warnings.map((w, i) => (
            <li key={w.kind === "overlap" ? w.gridId : `gap-${i}`} data-testid={`grid-warning-${w.kind}`}>
              {w.kind === "overlap"
                ? t("grids.overlap", { code: w.code, name: w.name, area: areaText(t, w.areaM2) })
                : t("grids.gap", { area: areaText(t, w.areaM2) })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
