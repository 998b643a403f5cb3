import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets onnxruntime-web use threads (SharedArrayBuffer).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, headers: isolation },
  preview: { port: 4173, headers: isolation },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['onnxruntime-web'], include: ['danfojs', 'vega-embed', 'vega', 'vega-lite'] },
  // The app builds into dist/app; dist/cli holds the CLI bundle (scripts/build-cli.mjs), which a build must not wipe.
  build: { target: 'es2022', chunkSizeWarningLimit: 8000, outDir: 'dist/app', emptyOutDir: true },
});
