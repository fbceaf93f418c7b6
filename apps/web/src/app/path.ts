// The board has two places: the board itself and the administrators' area (/admin). No router library
// for two places: the address bar's path, pushState and popstate (back and forward work as usual).
import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
};

/** the address bar's path, re-rendering when it changes */
export const usePath = () => useSyncExternalStore(subscribe, () => window.location.pathname);

/** goes to `path` as a link would (a new history entry), or in place of the current one */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}) {
  if (window.location.pathname === path) return;
  if (replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

export const ADMIN_PATH = "/admin";
export const isAdminPath = (path: string) => path === ADMIN_PATH || path.startsWith(`${ADMIN_PATH}/`);
