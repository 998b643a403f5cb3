#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm run build:cli` (run automatically by `npm ci` / `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli/glassbox.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('error: the glassbox CLI is not built; run `npm run build:cli` in the repository first\n');
  process.exit(2);
}
const { main } = await import(bundle.href);
await main();
