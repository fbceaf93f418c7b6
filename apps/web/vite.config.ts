import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the board runs on Vite's server and proxies the API (and its socket) to onemap.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": "http://127.0.0.1:3000",
      "/socket.io": { target: "http://127.0.0.1:3000", ws: true },
      "/docs": "http://127.0.0.1:3000",
    },
  },
  build: { outDir: "dist", sourcemap: true },
});
