// The layer switcher and the legend, over the map's top-right corner.
import type { UnitStatus } from "@onemap/shared";
import { PRIORITIES } from "@onemap/shared/vocabulary";
import { Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { CAMERA_COLOUR, CAMERA_OFFLINE_COLOUR, PRIORITY_COLOUR, STATUS_COLOUR } from "../ui/colours";
import { Panel } from "../ui/Panel";
import { LAYERS, ui, useUi } from "../ui/store";

const Swatch = ({ colour, shape = "dot" }: { colour: string; shape?: "dot" | "arrow" | "stale" }) => (
  <span
    className={`onemap-swatch onemap-swatch-${shape}`}
    style={shape === "arrow" ? { borderBottomColor: colour } : shape === "stale" ? {} : { background: colour }}
  />
);

export function LayerSwitcher({ hasBaseMap }: { hasBaseMap: boolean }) {
  const { t } = useTranslation();
  const layers = useUi((s) => s.layers);
  const tilesDown = useUi((s) => s.tilesDown);
  const open = useUi((s) => s.layersOpen);
  return (
    <div className="onemap-map-overlay onemap-layers">
      <Button size="small" onClick={() => ui.setLayersOpen(!open)} data-testid="layers-button" title="L">
        {t("layers.title")}
      </Button>
      {open && (
        <Panel style={{ marginTop: 4, width: 220 }} data-testid="layers-panel">
          <Space orientation="vertical" size={2}>
            {LAYERS.map((id) => (
              <label key={id} className="onemap-check" data-testid={`layer-${id}`}>
                <input
                  type="checkbox"
                  checked={id === "base" ? hasBaseMap && layers.base !== false && !tilesDown : layers[id]}
                  disabled={id === "base" && !hasBaseMap}
                  onChange={(e) => ui.toggleLayer(id, e.target.checked)}
                />{" "}
                {t(`layers.${id}`)}
              </label>
            ))}
            {!hasBaseMap && <span className="onemap-legend-note">{t("layers.baseNone")}</span>}
            {hasBaseMap && tilesDown && (
              <span className="onemap-legend-note" data-testid="tiles-down">
                {t("layers.baseUnreachable")}
              </span>
            )}
          </Space>
          <strong style={{ display: "block", marginTop: 8 }}>{t("legend.title")}</strong>
          <div className="onemap-legend">
            {(Object.keys(STATUS_COLOUR) as UnitStatus[]).slice(0, 5).map((s) => (
              <div key={s}>
                <Swatch colour={STATUS_COLOUR[s]} shape="arrow" /> {t(`unitStatus.${s}`)}
              </div>
            ))}
            <div>
              <Swatch colour="#e5e7eb" shape="stale" /> {t("legend.stale")}
            </div>
            <div className="onemap-legend-note">{t("legend.heading")}</div>
            {PRIORITIES.map((p) => (
              <div key={p}>
                <Swatch colour={PRIORITY_COLOUR[p]} /> {t(`priority.${p}`)}
              </div>
            ))}
            {(["SKYNET", "SECURITY_CHECKPOINT", "TRAFFIC_CHECKPOINT"] as const).map((k) => (
              <div key={k}>
                <Swatch colour={CAMERA_COLOUR[k]} /> {t(`cameraKind.${k}`)}
              </div>
            ))}
            <div>
              <Swatch colour={CAMERA_OFFLINE_COLOUR} /> {t("cameraStatus.OFFLINE")}
            </div>
          </div>
        </Panel>
      )}
    </div>
  );
}
