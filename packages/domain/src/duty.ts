import type { Shift } from "@onemap/shared";

// The county keeps China Standard Time (UTC+8, no daylight saving) whatever the server's zone.
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China Standard Time, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The moment in China Standard Time, as "YYYY-MM-DD HH:MM:SS" (what the audit shows and exports). */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** The shift in progress at a moment: DAY 08-16, EVENING 16-24, NIGHT 00-08 (CST). */
export function shiftAt(at: Date): Shift {
  const hour = new Date(at.getTime() + CST_OFFSET_MS).getUTCHours();
  if (hour >= 8 && hour < 16) return "DAY";
  if (hour >= 16) return "EVENING";
  return "NIGHT";
}
