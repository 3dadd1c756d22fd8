// Vite for the editor SPA. In development /api goes to a running Playbook server (PLAYBOOK_API,
// default http://localhost:3000); in production the server serves dist/ itself, same origin.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": { target: process.env.PLAYBOOK_API ?? "http://localhost:3000", changeOrigin: true },
    },
  },
  build: { outDir: "dist", chunkSizeWarningLimit: 4000 },
});
