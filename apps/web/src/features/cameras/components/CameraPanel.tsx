// One camera: kind, status, location, and its live stream through hls.js when it has an HLS address
// (Safari plays HLS natively; every other browser needs hls.js's MSE player).
import type { Me } from "@onemap/shared";
import { Alert, App as AntApp, Button, Descriptions, Drawer } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLive } from "../../../realtime/store";
import { ui, useUi } from "../../../ui/store";
import { useSetCameraStatus } from "../api/set-camera-status";

function Stream({ url }: { url: string }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    setError(null);
    let destroy = () => {};
    let cancelled = false;
    // hls.js is loaded when a stream is first opened, not with the board
    void import("hls.js").then(
      ({ default: Hls }) => {
        if (cancelled) return;
        if (Hls.isSupported()) {
          const hls = new Hls({ maxBufferLength: 10 });
          hls.on(Hls.Events.ERROR, (_e, data) => {
            if (data.fatal) setError(data.details);
          });
          hls.loadSource(url);
          hls.attachMedia(el);
          hls.on(Hls.Events.MANIFEST_PARSED, () => void el.play().catch(() => {}));
          destroy = () => hls.destroy();
        } else if (el.canPlayType("application/vnd.apple.mpegurl")) {
          el.src = url;
          void el.play().catch(() => {});
        } else setError(t("cameras.unsupported"));
      },
      (e: Error) => setError(e.message),
    );
    return () => {
      cancelled = true;
      destroy();
    };
  }, [url, t]);
  return (
    <>
      <video
        ref={video}
        muted
        controls
        playsInline
        style={{ width: "100%", background: "#000", aspectRatio: "16 / 9" }}
        data-testid="camera-video"
      />
      {error && <Alert type="error" title={t("cameras.streamError", { message: error })} data-testid="stream-error" />}
    </>
  );
}

/** `role`: the signed-in user's (duty leaders watch; they do not mark feeds) */
export function CameraPanel({ role }: { role: Me["role"] }) {
  const { t } = useTranslation();
  const id = useUi((s) => s.cameraId);
  const camera = useLive((s) => s.board?.cameras.find((c) => c.id === id));
  const setStatus = useSetCameraStatus();
  const { message } = AntApp.useApp();
  return (
    <Drawer
      open={camera !== undefined}
      onClose={() => ui.openCamera(null)}
      title={camera?.name ?? t("cameras.panel")}
      size={420}
      mask={false}
      data-testid="camera-panel"
    >
      {camera && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("cameras.kind")}>{t(`cameraKind.${camera.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t("cameras.status")}>
              <span data-testid="camera-status">{t(`cameraStatus.${camera.status}`)}</span>
              {role !== "DUTY_LEADER" && (
                <Button
                  size="small"
                  style={{ marginLeft: 8 }}
                  loading={setStatus.isPending}
                  onClick={() =>
                    setStatus.mutate(
                      { cameraId: camera.id, status: camera.status === "ONLINE" ? "OFFLINE" : "ONLINE" },
                      { onError: (e) => void message.error(t("errors.generic", { message: e.message })) },
                    )
                  }
                  data-testid="camera-toggle"
                >
                  {camera.status === "ONLINE" ? t("cameras.markOffline") : t("cameras.markOnline")}
                </Button>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("cameras.location")}>
              {camera.lat.toFixed(5)}, {camera.lon.toFixed(5)} · {camera.code}
            </Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 12 }}>
            {camera.streamUrl ? <Stream url={camera.streamUrl} /> : <Alert type="info" title={t("cameras.noStream")} />}
          </div>
        </>
      )}
    </Drawer>
  );
}
