// The signed-in board: header (who, connection, posture, live statistics), the Level I/II banner, the
// one map, and the side panel (new-incident form, queue, selected incident). Panels for a camera and
// for track playback open over the map.
import type { Me } from "@onemap/shared";
import { Alert, Badge, Button, Input, Space } from "antd";
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLogout } from "../features/auth/api/logout";
import { NearbyCamerasLayer } from "../features/cameras/components/NearbyCamerasLayer";
import { useShortcuts } from "../features/help/shortcuts";
import { DensityLayer } from "../features/incidents/components/DensityLayer";
import { IncidentDetail } from "../features/incidents/components/IncidentDetail";
import { IncidentQueue, useQueue } from "../features/incidents/components/IncidentQueue";
import { useIncidentAlerts } from "../features/incidents/hooks/useIncidentAlerts";
import { useTierNotices } from "../features/incidents/hooks/useTierNotices";
import { TrackLayer } from "../features/playback/components/TrackLayer";
import { PostureBanner, PostureTag } from "../features/posture/components/PostureControl";
import { useMapSettings } from "../features/settings/api/map-settings";
import { StatsStrip } from "../features/stats/components/StatsStrip";
import { type Language, setLanguage } from "../i18n";
import { BoardMap, type FeatureLayers } from "../map/BoardMap";
import { feedSilenceMs, feedStarted } from "../realtime/positions";
import { useLive } from "../realtime/store";
import { ui, useUi } from "../ui/store";
import { useNow } from "../ui/useNow";
import { ADMIN_PATH, navigate } from "./path";

// Loaded on demand, not with the board: the camera player (hls.js), track playback (date pickers,
// slider), the unit card and the shortcuts help.
const CameraPanel = lazy(() => import("../features/cameras/components/CameraPanel").then((m) => ({ default: m.CameraPanel })));
const TrackPlayback = lazy(() => import("../features/playback/components/TrackPlayback").then((m) => ({ default: m.TrackPlayback })));
const UnitCard = lazy(() => import("../features/units/components/UnitCard").then((m) => ({ default: m.UnitCard })));
// the incident form brings the shared zod schemas and antd's form: fetched while the board is idle,
// so it is there by the time N is pressed
const loadIncidentForm = () => import("../features/incidents/components/IncidentForm");
const IncidentForm = lazy(() => loadIncidentForm().then((m) => ({ default: m.IncidentForm })));
// the unit search (antd's Select) arrives a moment after the board; a placeholder holds its place
const UnitSearch = lazy(() => import("../features/units/components/UnitSearch").then((m) => ({ default: m.UnitSearch })));
const HelpOverlay = lazy(() => import("../features/help/components/HelpOverlay").then((m) => ({ default: m.HelpOverlay })));

/** the map's layers that draw a feature's data (the map itself imports no feature) */
const FEATURE_LAYERS: FeatureLayers = { density: <DensityLayer />, nearbyCameras: <NearbyCamerasLayer />, track: <TrackLayer /> };

/** Renders its (lazy) children from the first time `when` is true on, so they can animate closed. */
function OnDemand({ when, children }: { when: boolean; children: ReactNode }) {
  const [wanted, setWanted] = useState(when);
  useEffect(() => {
    if (when) setWanted(true);
  }, [when]);
  return wanted || when ? <Suspense fallback={null}>{children}</Suspense> : null;
}

/** "Live" only while the socket is up and positions arrive; else how long the position feed has been silent. */
function ConnectionBadge() {
  const { t } = useTranslation();
  const connection = useLive((s) => s.connection);
  const now = useNow(1000);
  const silentS = Math.round(feedSilenceMs(now) / 1000);
  const state = connection !== "live" ? connection : silentS > 0 ? "stalled" : "live";
  const label = {
    live: t("connection.live"),
    connecting: t("connection.connecting"),
    reconnecting: t("connection.reconnectingShort"),
    stalled: feedStarted() ? t("connection.stalled", { seconds: silentS }) : t("connection.waitingFixes"),
  }[state];
  return (
    <span
      data-testid="connection"
      data-state={connection}
      data-feed={state === "stalled" ? "stalled" : "flowing"}
      title={state === "stalled" ? t("connection.stalledTitle", { seconds: silentS }) : undefined}
    >
      <Badge status={state === "live" ? "success" : state === "connecting" ? "processing" : state === "stalled" ? "warning" : "error"} />{" "}
      {label}
    </span>
  );
}

const SIDE_WIDTH_KEY = "onemap.sideWidth";
const SIDE_DEFAULT = 460;

/** The side panel's width: dragged at its left edge, remembered on this machine. */
function useSideWidth() {
  const clamp = (w: number) => Math.round(Math.min(window.innerWidth * 0.6, Math.max(360, w)));
  // a width saved on a wider screen still fits this one
  const [width, setWidth] = useState(() => clamp(Number(localStorage.getItem(SIDE_WIDTH_KEY)) || SIDE_DEFAULT));
  const [dragging, setDragging] = useState(false);
  const start = (e: React.PointerEvent) => {
    e.preventDefault();
    setDragging(true);
    const move = (m: PointerEvent) => setWidth(clamp(window.innerWidth - m.clientX));
    const up = () => {
      setDragging(false);
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", up);
      window.removeEventListener("blur", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    // released outside the window, or the drag taken away: stop following the pointer
    window.addEventListener("pointercancel", up);
    window.addEventListener("blur", up);
  };
  useEffect(() => {
    if (!dragging) localStorage.setItem(SIDE_WIDTH_KEY, String(width));
  }, [dragging, width]);
  return { width, dragging, start };
}

export function Board({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const settings = useMapSettings();
  const logout = useLogout();
  const connection = useLive((s) => s.connection);
  const relay = useLive((s) => s.relay);
  const ready = useLive((s) => s.board !== null);
  const queue = useQueue();
  const queueRef = useCallback(() => queue, [queue]);
  const side = useSideWidth();
  const cameraOpen = useUi((s) => s.cameraId !== null);
  const unitOpen = useUi((s) => s.unitId !== null);
  const playbackOpen = useUi((s) => s.playbackOpen);
  const helpOpen = useUi((s) => s.helpOpen);
  const drafting = useUi((s) => s.draft !== null);
  useShortcuts(queueRef);
  useEffect(() => ui.claimDraft(me.username), [me.username]);
  useTierNotices();
  useIncidentAlerts();
  useEffect(() => {
    if (ready && settings.data) performance.mark("onemap:interactive");
  }, [ready, settings.data]);
  useEffect(() => {
    if (!ready) return;
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    idle(() => void loadIncidentForm());
  }, [ready]);

  return (
    <div className="onemap-board" data-testid="board" data-ready={ready && settings.data ? "true" : "false"}>
      <header className="onemap-header">
        <Space size="middle" align="center">
          <strong style={{ color: "#fff", fontSize: 16 }}>{t("app.name")}</strong>
          <span data-testid="whoami">
            {me.displayName} · {t(`roles.${me.role}`)}
            {me.stationName ? ` · ${me.stationName}` : ""}
          </span>
          <ConnectionBadge />
          <PostureTag canChange={me.role === "DUTY_LEADER"} />
          <Suspense fallback={<Input size="small" disabled style={{ width: 160 }} placeholder={t("units.find")} />}>
            <UnitSearch />
          </Suspense>
        </Space>
        <StatsStrip />
        <Space>
          <Button size="small" ghost onClick={() => ui.openPlayback(null)} data-testid="playback-open">
            {t("playback.open")}
          </Button>
          {me.role !== "OPERATOR" && (
            <Button
              size="small"
              ghost
              href={ADMIN_PATH}
              onClick={(e) => {
                // a new tab or window (modifier keys) opens /admin as a link does
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                navigate(ADMIN_PATH);
              }}
              data-testid="admin-open"
            >
              {t(me.role === "ADMIN" ? "app.admin" : "app.duty")}
            </Button>
          )}
          <Button size="small" ghost onClick={() => ui.setHelp(true)} title="?">
            {t("app.help")} (?)
          </Button>
          <Button
            size="small"
            ghost
            title={t("app.languageTitle")}
            onClick={() => setLanguage((i18n.language === "en" ? "zh-CN" : "en") as Language)}
            data-testid="language"
          >
            {t("app.language")}
          </Button>
          <Button size="small" ghost onClick={() => logout.mutate()}>
            {t("app.signOut")}
          </Button>
        </Space>
      </header>
      <PostureBanner />
      {connection === "reconnecting" && <Alert banner type="error" title={t("connection.reconnecting")} data-testid="reconnecting" />}
      {connection === "live" && !relay && <Alert banner type="warning" title={t("connection.relayDown")} data-testid="relay-down" />}
      <div className="onemap-body">
        <main className="onemap-main">{settings.data && <BoardMap settings={settings.data} featureLayers={FEATURE_LAYERS} />}</main>
        <aside className="onemap-side" style={{ width: side.width }} data-testid="side-panel">
          <div
            className={`onemap-resize${side.dragging ? " is-dragging" : ""}`}
            onPointerDown={side.start}
            title={t("panel.resize")}
            data-testid="side-resize"
          />
          <OnDemand when={drafting}>
            <IncidentForm />
          </OnDemand>
          <IncidentQueue />
          <IncidentDetail me={me} />
        </aside>
      </div>
      <OnDemand when={cameraOpen}>
        <CameraPanel role={me.role} />
      </OnDemand>
      <OnDemand when={unitOpen}>
        <UnitCard />
      </OnDemand>
      <OnDemand when={playbackOpen}>
        <TrackPlayback />
      </OnDemand>
      <OnDemand when={helpOpen}>
        <HelpOverlay />
      </OnDemand>
    </div>
  );
}
