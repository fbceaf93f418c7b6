import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { languageReady } from "./i18n";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
// the benchmark and e2e build only (vite.config.ts TEST_HOOKS_MODE): a production build drops this
// branch and the module with it
if (import.meta.env.MODE === "test-hooks") void import("./map/bench-hooks").then((hooks) => hooks.exposeBenchHooks());
// a board left open across an upgrade asks for a chunk of its old build, which is gone: load the new one
window.addEventListener("vite:preloadError", () => window.location.reload());
// the remembered language first (English is loaded on demand), then the board
void languageReady.finally(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
