import { defineConfig } from 'tsup';

// A server, not a library for bundlers: ESM only, for the Node version in engines.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  splitting: true,
  treeshake: true,
  // tsup strips `node:` by default; `sqlite` exists only as `node:sqlite`.
  removeNodeProtocol: false,
  // Loaded only by `start --with-simulator` in a checkout; never bundled into the server.
  external: ['@karvon/carrier-simulator'],
});
