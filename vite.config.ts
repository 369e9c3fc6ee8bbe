import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.TAAWON_API ?? 'http://localhost:3101';

/**
 * The web app: sources in src/web, built into dist/web where the Fastify
 * server serves it. In development, `npx vite` proxies /api to a running server.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // React in a chunk of its own, which changes rarely, so that browsers keep it across releases;
        // the rest is split by page, so that the first page does not load the others' widgets.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3 },
          ],
        },
      },
    },
  },
  server: {
    port: 3110,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { port: 3111 },
});
