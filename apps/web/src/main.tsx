import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { exposeBenchHooks } from "./map/bench-hooks";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
exposeBenchHooks();
// a board left open across an upgrade asks for a chunk of its old build, which is gone: load the new one
window.addEventListener("vite:preloadError", () => window.location.reload());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
