import { defineConfig } from 'tsup';

// A development server, not a library for bundlers: ESM only.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  splitting: true,
  treeshake: true,
  removeNodeProtocol: false,
});
