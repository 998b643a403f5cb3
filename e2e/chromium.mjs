// How Glassbox's browser tests and benchmarks start Debian's Chromium (see shared/notes/stack.md):
// Playwright never downloads a browser here, and without the background-networking flags
// Chromium keeps trying to reach Google's hosts from this closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
