import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    // Dates without a zone must be UTC whatever the machine's zone: run the tests far from UTC.
    env: { TZ: 'Pacific/Chatham' },
  },
});
