// Bundles the headless CLI (src/cli) into dist/cli/glassbox.mjs so that `npx glassbox`
// works right after `npm ci` (run by the `prepare` script).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/glassbox.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
});
