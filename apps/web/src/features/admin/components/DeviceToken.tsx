// A device's new token, shown this once: the server URL Traccar Client is given (this board's origin +
// the OsmAnd ingest path, the token as `key`), the identifier, the token, and the URL as a QR code to
// scan. qrcode loads only when a token is shown. Closing forgets the token: nothing can show it again.
import type { DeviceWithToken } from "@onemap/shared";
import { Alert, Button, Descriptions, Modal, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** what README's "devices" section says to enter in Traccar Client */
const traccarServerUrl = (origin: string, token: string) => `${origin}/ingest/osmand?key=${encodeURIComponent(token)}`;

export function DeviceToken({ device, callsign, onClose }: { device: DeviceWithToken; callsign: string; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const url = traccarServerUrl(window.location.origin, device.token);
  const [qr, setQr] = useState<{ url: string; image: string } | { url: string; failed: true } | null>(null);

  useEffect(() => {
    let live = true;
    import("qrcode")
      .then((QRCode) => QRCode.toDataURL(url, { margin: 1, width: 220, errorCorrectionLevel: "M" }))
      .then((image) => live && setQr({ url, image }))
      .catch((error: unknown) => {
        console.warn("QR code", error);
        if (live) setQr({ url, failed: true });
      });
    return () => {
      live = false;
    };
  }, [url]);

  return (
    <Modal
      open
      title={t("devices.token.title", { callsign, identifier: device.identifier })}
      onCancel={onClose}
      maskClosable={false}
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-done">
          {t("devices.token.done")}
        </Button>
      }
    >
      <div data-testid="device-token" data-device={device.id}>
        <Alert type="warning" showIcon message={t("devices.token.once")} style={{ marginBottom: 12 }} />
        <div style={{ display: "flex", gap: 16, alignItems: "flex-start" }}>
          <Descriptions column={1} size="small" bordered style={{ flex: 1, minWidth: 0 }} styles={{ label: { width: 120 } }}>
            <Descriptions.Item label={t("devices.token.serverUrl")}>
              <Typography.Text copyable={{ text: url }} code style={{ wordBreak: "break-all" }} data-testid="token-url">
                {url}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("devices.token.deviceId")}>
              <Typography.Text copyable code>
                {device.identifier}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("devices.token.token")}>
              <Typography.Text copyable code style={{ wordBreak: "break-all" }} data-testid="token-value">
                {device.token}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <figure style={{ margin: 0, width: 180, textAlign: "center" }}>
            {qr && "image" in qr && qr.url === url ? (
              <img src={qr.image} width={180} height={180} alt={t("devices.token.qr")} data-testid="token-qr" />
            ) : qr && "failed" in qr ? (
              <Alert type="error" message={t("devices.token.qrFailed")} />
            ) : (
              <div style={{ width: 180, height: 180, background: "#fafafa" }} />
            )}
            <figcaption style={{ fontSize: 12, color: "#666" }}>{t("devices.token.qr")}</figcaption>
          </figure>
        </div>
      </div>
    </Modal>
  );
}
