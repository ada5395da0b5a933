// The web application: sources in src/web, built into dist/web, served by the Puente server
// under /app/ (src/api/web-app.ts). Paths are relative to the repository root, where npm runs.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Debian's Chromium and every browser of the last two years run ES2022.
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    // `npx vite` during development: the API runs on `npm start`'s port.
    proxy: Object.fromEntries(
      ['/auth', '/admin', '/audit', '/lists', '/screen', '/match', '/health'].map((path) => [
        path,
        'http://127.0.0.1:8080',
      ]),
    ),
  },
});
