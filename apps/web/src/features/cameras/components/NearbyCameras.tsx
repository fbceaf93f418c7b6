import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { CAMERA_COLOUR, CAMERA_OFFLINE_COLOUR } from "../../../ui/colours";
import { ui } from "../../../ui/store";
import { useNearbyCameras } from "../nearby";

/** The cameras around the selected incident, nearest first; a click opens the camera panel. */
export function NearbyCameras() {
  const { t } = useTranslation();
  const nearby = useNearbyCameras();
  if (!nearby) return null;
  return (
    <section data-testid="nearby-cameras">
      <strong>{t("cameras.nearby", { radius: nearby.radiusM })}</strong>
      {nearby.cameras.length === 0 ? (
        <div className="onemap-muted">{t("cameras.none")}</div>
      ) : (
        <ul className="onemap-list">
          {nearby.cameras.slice(0, 12).map(({ camera, distanceM }) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the camera is also reachable from its ring on the map
            <li
              key={camera.id}
              onClick={() => ui.openCamera(camera.id)}
              className="onemap-list-item onemap-clickable"
              data-testid="nearby-camera"
            >
              <span>
                <span
                  className="onemap-swatch"
                  style={{ background: camera.status === "ONLINE" ? CAMERA_COLOUR[camera.kind] : CAMERA_OFFLINE_COLOUR }}
                />{" "}
                {camera.name}
              </span>
              <span>
                <Tag>{t(`cameraKind.${camera.kind}`)}</Tag>
                {camera.status === "OFFLINE" && <Tag color="default">{t("cameraStatus.OFFLINE")}</Tag>}
                {t("cameras.distance", { n: Math.round(distanceM) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
