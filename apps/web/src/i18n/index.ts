// i18next with zh-CN first; the chosen language is remembered on this machine. Chinese comes with the
// board; English is loaded when it is chosen (or was chosen before), so the board's first load carries
// one catalogue, not two.
import type { IncidentCategory } from "@onemap/shared";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { type Messages, zhCN } from "./zh-CN";

export type Language = "zh-CN" | "en";
const STORAGE_KEY = "onemap.language";

function initialLanguage(): Language {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return stored === "en" ? "en" : "zh-CN";
}

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN } },
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  returnNull: false,
});

const catalogues: Record<Language, () => Promise<Messages>> = {
  "zh-CN": async () => zhCN,
  en: () => import("./en").then((m) => m.en),
};

/** the language's catalogue added to i18next, loading it the first time */
async function loadLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, "translation")) i18n.addResourceBundle(language, "translation", await catalogues[language]());
}

/** switches the board's language (loading its catalogue first) and remembers it on this machine */
export async function setLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  if (typeof localStorage !== "undefined") localStorage.setItem(STORAGE_KEY, language);
  if (typeof document !== "undefined") document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

/** settles once the remembered language is in place (the board renders after it, so no Chinese flashes first) */
export const languageReady: Promise<void> = initialLanguage() === "en" ? setLanguage("en").catch(() => undefined) : Promise.resolve();

/** "3m 20s" / "3分20秒": a running timer or an age, in the current language */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return i18n.t("time.s", { n: s });
  if (s < 3600) return i18n.t("time.m", { n: Math.floor(s / 60), s: s % 60 });
  return i18n.t("time.h", { n: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

/** a clock time (24 h) in the board's language: 14:05:09 */
export function formatTime(at: string | number | Date): string {
  return new Date(at).toLocaleTimeString(i18n.language, { hour12: false });
}

/** date and time in the board's language */
export function formatDateTime(at: string | number | Date): string {
  return new Date(at).toLocaleString(i18n.language, { hour12: false });
}

/** an incident category in the board's language (an unknown one as it came) */
export function categoryLabel(category: string): string {
  return i18n.t(`categories.${category as IncidentCategory}`, { defaultValue: category });
}

export { i18n };

/**
 * The namespaces an area loaded on demand adds with addResourceBundle (the admin area's `admin`). Each
 * declares its catalogue here by augmentation, from its own folder, so its keys are checked too while
 * this layer imports no feature.
 * @public
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in the areas loaded on demand
export interface LazyNamespaces {}

declare module "i18next" {
  interface CustomTypeOptions {
    // keys passed to t() are checked against the Chinese messages (en.ts has the same shape)
    resources: { translation: import("./zh-CN").Messages } & LazyNamespaces;
    returnNull: false;
  }
}
