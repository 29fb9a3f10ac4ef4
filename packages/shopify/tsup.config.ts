import { defineConfig } from 'tsup';

// A server-side library (it opens node:sqlite and PostgreSQL): ESM only, for the Node version in engines.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  sourcemap: true,
  target: 'node22',
  platform: 'node',
  treeshake: true,
  // tsup strips `node:` by default; `sqlite` exists only as `node:sqlite`.
  removeNodeProtocol: false,
});
