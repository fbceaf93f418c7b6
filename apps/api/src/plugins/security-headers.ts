// The Content-Security-Policy the board needs and no more: its own scripts; images from itself, data:
// and blob: URLs (Leaflet, sprites) and the configured tile server; camera streams (hls.js fetches
// segments, <video> plays blob: media) from the board itself and MEDIA_ORIGINS; its socket on its own
// origin. It may not be framed by anyone (clickjacking). Also: what the request log may show of a request.
import type { Config } from "../config";

/** The host source of a Leaflet URL template: `https://{s}.tile.example/{z}/{x}/{y}.png` → `https://*.tile.example`. */
function tileSource(template: string): string | null {
  const match = /^(https?:)\/\/([^/?#]+)/i.exec(template.trim());
  if (!match?.[1] || !match[2]) return null;
  const host = match[2].replace(/\{[a-z]+\}/gi, "*");
  // a placeholder anywhere but the leftmost label cannot be expressed: allow the scheme's whole host then
  if (host.slice(1).includes("*")) return null;
  return `${match[1].toLowerCase()}//${host}`;
}

export function contentSecurityPolicy(
  config: Pick<Config, "TILE_URL" | "MEDIA_ORIGINS" | "cookieSecure">,
): Record<string, string[] | null> {
  const tiles = config.TILE_URL ? tileSource(config.TILE_URL) : null;
  const media = config.MEDIA_ORIGINS;
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    // antd and Leaflet set element styles at run time
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:", ...(tiles ? [tiles] : [])],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'", ...media],
    mediaSrc: ["'self'", "blob:", ...media],
    workerSrc: ["'self'", "blob:"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    // served over HTTPS (Secure cookies): fetch everything over HTTPS; on plain HTTP this would break every request
    upgradeInsecureRequests: config.cookieSecure ? [] : null,
  };
}

/**
 * The request as the log shows it: a device's token travels as `key=` in the URL (as Traccar Client
 * is set up), and a log must never hold a credential.
 */
/** a URL with the value of every `key` parameter (however its name is written: KEY, %6Bey) redacted */
function redactedUrl(url: string): string {
  const at = url.indexOf("?");
  if (at < 0) return url;
  const params = url
    .slice(at + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      const raw = pair.slice(0, eq);
      let name = raw;
      try {
        name = decodeURIComponent(raw.replaceAll("+", " "));
      } catch {
        // a malformed escape: the name as written
      }
      return name.trim().toLowerCase() === "key" ? `${raw}=[redacted]` : pair;
    });
  return `${url.slice(0, at)}?${params.join("&")}`;
}

export function redactedRequest(request: {
  method: string;
  url: string;
  hostname?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: request.method,
    url: redactedUrl(request.url),
    host: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
