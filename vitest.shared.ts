import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type UserConfig } from 'vitest/config';

// Every package's vitest.config.ts starts from this: the same reporters, and a
// JSON report per package under reports/vitest that .ci/run sums up.
export function karvonVitestConfig(packageDir: string, overrides: UserConfig = {}): UserConfig {
  const root = dirname(fileURLToPath(import.meta.url));
  const name = basename(packageDir);
  const base = defineConfig({
    resolve: {
      // Tests run against the sources of sibling packages, so a change in the
      // contract is seen without a rebuild; the packaging tests in tools/ cover
      // the built output.
      alias: {
        '@karvon/contract': resolve(root, 'packages/contract/src/index.ts'),
      },
    },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      reporters: ['default', ['json', { outputFile: resolve(root, `reports/vitest/${name}.json`) }]],
      env: { KARVON_REPORTS_DIR: resolve(root, 'reports') },
      testTimeout: 20_000,
      hookTimeout: 30_000,
    },
  });
  return mergeConfig(base, overrides);
}
