// The stream address's "play" check: the address tried in a small player (hls.js for HLS, as the camera
// panel plays it; the browser itself otherwise), and within a few seconds a plain answer: it played, or
// why not (unreachable, not a playlist, blocked by the board's content policy, no picture in time).
import { Alert, Button, Space } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

const WAIT_S = 8;
type Outcome = { state: "idle" } | { state: "trying" } | { state: "played" } | { state: "failed"; reason: string };
const KNOWN = ["manifestLoadError", "manifestLoadTimeOut", "manifestParsingError", "levelLoadError", "fragLoadError"];

export function StreamCheck({ url }: { url: string | null | undefined }) {
  const { t } = useTranslation("admin");
  const video = useRef<HTMLVideoElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });
  const stop = useRef<() => void>(() => {});
  useEffect(() => () => stop.current(), []);
  // a new address is a new question
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the address alone
  useEffect(() => {
    stop.current();
    setOutcome({ state: "idle" });
  }, [url]);

  async function check() {
    const el = video.current;
    const address = url?.trim();
    if (!el || !address) return setOutcome({ state: "failed", reason: t("cameras.play.noUrl") });
    stop.current();
    setOutcome({ state: "trying" });
    let done = false;
    const cleanups: (() => void)[] = [];
    const finish = (next: Outcome) => {
      if (done) return;
      done = true;
      setOutcome(next);
      for (const c of cleanups) c();
    };
    const failed = (reason: string) => finish({ state: "failed", reason });
    stop.current = () => {
      done = true;
      for (const c of cleanups) c();
    };
    const timer = window.setTimeout(() => failed(t("cameras.play.timeout", { seconds: WAIT_S })), WAIT_S * 1000);
    cleanups.push(() => window.clearTimeout(timer));
    // the board's Content-Security-Policy lets streams come only from MEDIA_ORIGINS: say so rather than "unreachable"
    const blocked = (e: SecurityPolicyViolationEvent) => {
      if (address.startsWith(e.blockedURI) || e.blockedURI.startsWith(new URL(address, location.href).origin))
        failed(t("cameras.play.csp"));
    };
    document.addEventListener("securitypolicyviolation", blocked);
    cleanups.push(() => document.removeEventListener("securitypolicyviolation", blocked));
    const playing = () => finish({ state: "played" });
    el.addEventListener("playing", playing);
    cleanups.push(() => {
      el.removeEventListener("playing", playing);
      el.pause();
      el.removeAttribute("src");
      el.load();
    });

    if (!/\.m3u8(\?|$)/i.test(address) || el.canPlayType("application/vnd.apple.mpegurl")) {
      const error = () => failed(t("cameras.play.reasons.manifestLoadError"));
      el.addEventListener("error", error, { once: true });
      cleanups.push(() => el.removeEventListener("error", error));
      el.src = address;
      void el.play().catch(() => {});
      return;
    }
    const { default: Hls } = await import("hls.js");
    if (done) return;
    if (!Hls.isSupported()) return failed(t("cameras.play.unsupported"));
    const hls = new Hls({ maxBufferLength: 4, manifestLoadingMaxRetry: 0, manifestLoadingTimeOut: WAIT_S * 1000 });
    cleanups.push(() => hls.destroy());
    hls.on(Hls.Events.ERROR, (_e, data) => {
      if (!data.fatal) return;
      const key = KNOWN.includes(data.details) ? data.details : "other";
      failed(t(`cameras.play.reasons.${key}` as "cameras.play.reasons.other", { detail: data.details }));
    });
    hls.on(Hls.Events.MANIFEST_PARSED, () => void el.play().catch(() => {}));
    hls.loadSource(address);
    hls.attachMedia(el);
  }

  return (
    <Space direction="vertical" style={{ width: "100%" }} size={6}>
      <Space>
        <Button onClick={() => void check()} loading={outcome.state === "trying"} data-testid="camera-play-check">
          {outcome.state === "trying" ? t("cameras.play.trying") : t("cameras.play.button")}
        </Button>
      </Space>
      <video
        ref={video}
        muted
        playsInline
        style={{
          width: 240,
          aspectRatio: "16 / 9",
          background: "#000",
          display: outcome.state === "trying" || outcome.state === "played" ? "block" : "none",
        }}
        data-testid="camera-play-video"
      />
      {outcome.state === "played" && <Alert type="success" showIcon title={t("cameras.play.played")} data-testid="camera-play-result" />}
      {outcome.state === "failed" && (
        <Alert type="error" showIcon title={t("cameras.play.failed", { reason: outcome.reason })} data-testid="camera-play-result" />
      )}
    </Space>
  );
}
