import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The gateway's vitest config only collects src/ and test/; the bench's own helpers are tested
// from here: `pnpm exec vitest run --config bench/kannel/vitest.config.mjs` (in packages/gateway).
// No JSON reporter, so the gateway's reports/vitest/gateway.json is not overwritten.
export default defineConfig({
  // Vite's cache would otherwise land in bench/kannel/node_modules.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/bench-kannel', import.meta.url)),
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.mjs'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
