import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { execSync } from 'node:child_process';

/** The commit the app is built from, recorded in experiment snapshots (null outside a git checkout). */
function gitCommit(): string | null {
  try {
    return execSync('git rev-parse HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

// Cross-origin isolation lets onnxruntime-web use threads (SharedArrayBuffer).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  define: { __GLASSBOX_COMMIT__: JSON.stringify(gitCommit() ?? '') },
  // In development the API of a running `glassbox serve` (default port 8787) is proxied onto this origin.
  server: { port: 5173, headers: isolation, proxy: { '/api': process.env.GLASSBOX_SERVER_URL ?? 'http://127.0.0.1:8787' } },
  // preview has no API (production is served by `glassbox serve`): no proxy there
  preview: { port: 4173, headers: isolation, proxy: {} },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'], include: ['danfojs', 'vega-embed', 'vega', 'vega-lite'] },
  // The app builds into dist/app; dist/cli holds the CLI bundle (scripts/build-cli.mjs), which a build must not wipe.
  build: { target: 'es2022', chunkSizeWarningLimit: 8000, outDir: 'dist/app', emptyOutDir: true },
});
