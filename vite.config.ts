import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const api = 'http://localhost:3000';
const outDir = 'dist/web';

/**
 * Every finished build leaves the stamp `npm start` and the journeys compare with the sources
 * (src/server/web-build.ts). Without it a build made by `npm run build` counted as missing: the
 * next start built again, and in CI the first two journeys rebuilt side by side into the folder
 * the other was serving, and one page stayed blank.
 */
function buildStamp(): Plugin {
  return {
    name: 'herald-build-stamp',
    apply: 'build',
    closeBundle() {
      fs.writeFileSync(path.join(outDir, '.build-stamp'), new Date().toISOString());
    },
  };
}

export default defineConfig({
  plugins: [react(), buildStamp()],
  build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/api': api, '/healthz': api, '/readyz': api } },
});
