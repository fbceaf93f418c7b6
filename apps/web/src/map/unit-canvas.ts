// The units layer: one canvas in its own pane, drawn by hand. A frame of fixes only updates each
// unit's target; a requestAnimationFrame loop glides markers there. Panning moves the pane (no redraw),
// and the canvas is redrawn once the map stops. Markers are arrows along the heading, coloured by
// status; a stale fix (none for STALE_FIX_MS, the product's one threshold) is drawn hollow and grey; callsigns show at zoom ≥ LABEL_ZOOM.
import type { UnitStatus } from "@onemap/shared";
import { STALE_FIX_MS } from "@onemap/shared/vocabulary";
import L from "leaflet";
import { STATUS_COLOUR } from "../ui/colours";
import { toMap } from "./coords";

const LABEL_ZOOM = 16;
const GLIDE_MS = 900;
const GLIDE_FRAME_MS = 30;
const PADDING = 0.25;

export interface UnitMarker {
  id: string;
  callsign: string;
  status: UnitStatus;
  /** target (map coordinates) */
  lat: number;
  lon: number;
  heading: number;
  fixAt: number;
  /** where the glide started, and when */
  fromLat: number;
  fromLon: number;
  t0: number;
  highlighted: boolean;
}

export class UnitCanvasLayer extends L.Layer {
  private readonly units = new Map<string, UnitMarker>();
  private canvas!: HTMLCanvasElement;
  private ctx!: CanvasRenderingContext2D;
  private origin = L.point(0, 0);
  private zoomAt = 0;
  private centerAt = L.latLng(0, 0);
  private raf = 0;
  private staleTimer = 0;
  private onMap: L.Map | null = null;
  /** while the map is dragged or zoomed the canvas moves with its pane: gliding waits for the end */
  private moving = false;
  private lastDraw = 0;

  override onAdd(map: L.Map): this {
    this.onMap = map;
    const pane = map.getPane("units") ?? map.createPane("units");
    pane.style.zIndex = "450";
    pane.style.pointerEvents = "none";
    this.canvas = L.DomUtil.create("canvas", "onemap-units leaflet-zoom-animated", pane);
    const ctx = this.canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    this.ctx = ctx;
    map.on("moveend zoomend resize viewreset", this.reset, this);
    map.on("movestart zoomstart", this.pause, this);
    map.on("zoomanim", this.animateZoom, this);
    this.reset();
    // a unit turns stale with no event at all: look again every 10 s
    this.staleTimer = window.setInterval(() => this.draw(performance.now()), 10_000);
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off("moveend zoomend resize viewreset", this.reset, this);
    map.off("movestart zoomstart", this.pause, this);
    map.off("zoomanim", this.animateZoom, this);
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    clearInterval(this.staleTimer);
    this.canvas.remove();
    this.onMap = null;
    return this;
  }

  /** Sets a unit's target; the glide starts from where it is drawn now. */
  move(
    id: string,
    wgsLat: number,
    wgsLon: number,
    heading: number,
    fixAt: number,
    meta: { callsign: string; status: UnitStatus },
    glide: boolean,
  ) {
    const [lat, lon] = toMap(wgsLat, wgsLon);
    const now = performance.now();
    const unit = this.units.get(id);
    if (!unit) {
      this.units.set(id, { id, ...meta, lat, lon, heading, fixAt, fromLat: lat, fromLon: lon, t0: 0, highlighted: false });
    } else {
      const [curLat, curLon] = glide ? this.drawnAt(unit, now) : [lat, lon];
      unit.fromLat = curLat;
      unit.fromLon = curLon;
      unit.t0 = glide ? now : 0;
      unit.lat = lat;
      unit.lon = lon;
      unit.heading = heading;
      unit.fixAt = fixAt;
    }
    this.schedule();
  }

  setMeta(id: string, meta: { callsign: string; status: UnitStatus }) {
    const unit = this.units.get(id);
    if (!unit || (unit.status === meta.status && unit.callsign === meta.callsign)) return;
    unit.status = meta.status;
    unit.callsign = meta.callsign;
    this.schedule();
  }

  drop(id: string) {
    if (this.units.delete(id)) this.schedule();
  }

  clear() {
    this.units.clear();
    this.schedule();
  }

  highlight(ids: ReadonlySet<string>) {
    for (const u of this.units.values()) u.highlighted = ids.has(u.id);
    this.schedule();
  }

  /** where unit `id` is drawn now, in map coordinates */
  positionOf(id: string): L.LatLng | null {
    const u = this.units.get(id);
    if (!u) return null;
    const [lat, lon] = this.drawnAt(u, performance.now());
    return L.latLng(lat, lon);
  }

  /** the unit drawn under a container point (within `radius` px), nearest first */
  hit(point: L.Point, radius = 10): UnitMarker | null {
    const map = this.onMap;
    if (!map) return null;
    let best: UnitMarker | null = null;
    let bestD = radius * radius;
    const now = performance.now();
    for (const u of this.units.values()) {
      const [lat, lon] = this.drawnAt(u, now);
      const p = map.latLngToContainerPoint([lat, lon]);
      const d = (p.x - point.x) ** 2 + (p.y - point.y) ** 2;
      if (d <= bestD) {
        best = u;
        bestD = d;
      }
    }
    return best;
  }

  get size() {
    return this.units.size;
  }

  /** redraws now (the benchmark uses this to time one frame's work) */
  drawNow() {
    this.draw(performance.now());
  }

  private drawnAt(u: UnitMarker, now: number): [number, number] {
    if (u.t0 === 0) return [u.lat, u.lon];
    const t = (now - u.t0) / GLIDE_MS;
    if (t >= 1) {
      u.t0 = 0;
      return [u.lat, u.lon];
    }
    return [u.fromLat + (u.lat - u.fromLat) * t, u.fromLon + (u.lon - u.fromLon) * t];
  }

  private schedule() {
    if (this.raf || !this.onMap || this.moving) return;
    this.raf = requestAnimationFrame((now) => {
      this.raf = 0;
      // gliding at ~30 frames a second is smooth for markers and halves the canvas work
      if (now - this.lastDraw < GLIDE_FRAME_MS) return this.schedule();
      if (this.draw(now)) this.schedule();
    });
  }

  private pause() {
    this.moving = true;
    cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private reset() {
    const map = this.onMap;
    if (!map) return;
    this.moving = false;
    const size = map.getSize();
    const pad = size.multiplyBy(PADDING).round();
    this.origin = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
    this.zoomAt = map.getZoom();
    this.centerAt = map.getCenter();
    L.DomUtil.setPosition(this.canvas, this.origin);
    const w = size.x + 2 * pad.x;
    const h = size.y + 2 * pad.y;
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(w * ratio) || this.canvas.height !== Math.round(h * ratio)) {
      this.canvas.width = Math.round(w * ratio);
      this.canvas.height = Math.round(h * ratio);
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
    if (this.draw(performance.now())) this.schedule();
  }

  private animateZoom(e: L.ZoomAnimEvent) {
    const map = this.onMap as L.Map & { _getNewPixelOrigin(center: L.LatLng, zoom: number): L.Point };
    const scale = map.getZoomScale(e.zoom, this.zoomAt);
    const viewHalf = map.getSize().multiplyBy(0.5 + PADDING);
    const currentCenterPoint = map.project(this.centerAt, e.zoom);
    const offset = viewHalf.multiplyBy(-scale).add(currentCenterPoint).subtract(map._getNewPixelOrigin(e.center, e.zoom));
    L.DomUtil.setTransform(this.canvas, offset, scale);
  }

  /** draws every unit; returns true while some are still gliding */
  private draw(now: number): boolean {
    const map = this.onMap;
    if (!map) return false;
    this.lastDraw = now;
    const ctx = this.ctx;
    const ratio = window.devicePixelRatio || 1;
    const w = this.canvas.width / ratio;
    const h = this.canvas.height / ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const wall = Date.now();
    const labels = map.getZoom() >= LABEL_ZOOM;
    let gliding = false;
    const rings = new Path2D();
    let ringed = false;
    const labelled: [string, number, number][] = [];
    const half = SPRITE_SIZE / 2;
    for (const u of this.units.values()) {
      if (u.t0 !== 0) gliding = true;
      const [lat, lon] = this.drawnAt(u, now);
      const p = map.latLngToLayerPoint([lat, lon]);
      const x = p.x - this.origin.x;
      const y = p.y - this.origin.y;
      if (x < -half || y < -half || x > w + half || y > h + half) continue;
      // a blit of a pre-drawn sprite per (status, heading in 10° steps): thousands cost about a millisecond
      ctx.drawImage(
        sprite(wall - u.fixAt > STALE_FIX_MS ? "STALE" : u.status, u.heading, ratio),
        x - half,
        y - half,
        SPRITE_SIZE,
        SPRITE_SIZE,
      );
      if (u.highlighted) {
        rings.moveTo(x + 13, y);
        rings.arc(x, y, 13, 0, Math.PI * 2);
        ringed = true;
      }
      if (labels) labelled.push([u.callsign, x, y]);
    }
    if (ringed) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#2563eb";
      ctx.stroke(rings);
    }
    if (labelled.length > 0) {
      ctx.font = "600 11px system-ui, 'Noto Sans CJK SC', sans-serif";
      ctx.lineWidth = 3;
      ctx.strokeStyle = "#ffffff";
      ctx.fillStyle = "#111827";
      for (const [text, x, y] of labelled) {
        ctx.strokeText(text, x + 9, y - 8);
        ctx.fillText(text, x + 9, y - 8);
      }
    }
    return gliding;
  }
}

const SPRITE_SIZE = 22;
const sprites = new Map<string, HTMLCanvasElement>();

/** an arrow along `heading` (a dot when unknown) in the status colour; hollow grey and dashed when stale */
function sprite(style: UnitStatus | "STALE", heading: number, ratio: number): HTMLCanvasElement {
  const bucket = heading >= 0 ? Math.round(heading / 10) % 36 : -1;
  const key = `${style}:${bucket}:${ratio}`;
  let c = sprites.get(key);
  if (c) return c;
  c = document.createElement("canvas");
  c.width = c.height = Math.ceil(SPRITE_SIZE * ratio);
  const g = c.getContext("2d");
  if (!g) throw new Error("no 2D canvas");
  g.setTransform(ratio, 0, 0, ratio, (SPRITE_SIZE / 2) * ratio, (SPRITE_SIZE / 2) * ratio);
  const path = new Path2D();
  if (bucket >= 0) {
    g.rotate((bucket * 10 * Math.PI) / 180);
    path.moveTo(0, -9);
    path.lineTo(6, 7);
    path.lineTo(0, 3);
    path.lineTo(-6, 7);
    path.closePath();
  } else path.arc(0, 0, 6, 0, Math.PI * 2);
  if (style === "STALE") {
    g.setLineDash([2, 2]);
    g.fillStyle = "rgba(229,231,235,0.85)";
    g.strokeStyle = "#6b7280";
  } else {
    g.fillStyle = STATUS_COLOUR[style];
    g.strokeStyle = "#ffffff";
  }
  g.lineWidth = 1.5;
  g.fill(path);
  g.stroke(path);
  sprites.set(key, c);
  return c;
}
