/**
 * Vite config of the ingest benchmark's dev server: the project's own config (repo root as the
 * root, COOP/COEP headers, workers as ES modules) plus
 * - a dependency pre-bundling list that covers the benchmark's workers, so that the dev server
 *   does not discover dependencies mid-run and reload the page;
 * - its own cache directory (bench/out/.vite), so it never disturbs another dev server's cache.
 */
import { mergeConfig } from 'vite';
import base from '../../../vite.config';

export default mergeConfig(base, {
  cacheDir: 'bench/out/.vite',
  server: { port: 5199, strictPort: true, hmr: false },
  optimizeDeps: {
    entries: ['bench/ingest/browser/index.html', 'bench/ingest/browser/*.worker.ts', 'src/workers/workbench.worker.ts'],
    include: ['comlink', 'papaparse', 'danfojs'],
  },
});
