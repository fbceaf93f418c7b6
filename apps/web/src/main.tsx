import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
// the benchmark and e2e build only (vite.config.ts TEST_HOOKS_MODE): a production build drops this
// branch and the module with it
if (import.meta.env.MODE === "test-hooks") void import("./map/bench-hooks").then((hooks) => hooks.exposeBenchHooks());
// a board left open across an upgrade asks for a chunk of its old build, which is gone: load the new one
window.addEventListener("vite:preloadError", () => window.location.reload());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
