import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { exposeBenchHooks } from "./map/bench-hooks";

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
exposeBenchHooks();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
