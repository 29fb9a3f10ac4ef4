import { defineConfig, type Options } from 'tsup';

const entry = {
  index: 'src/index.ts',
  'encoding/index': 'src/encoding/index.ts',
  'encoding/national/index': 'src/encoding/national/index.ts',
  'webhooks/index': 'src/webhooks/index.ts',
  'phone/index': 'src/phone/index.ts',
  'validation/index': 'src/validation/index.ts',
};

const shared: Options = {
  entry,
  dts: true,
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
  splitting: false,
};

// ky ships ESM only. The ESM build keeps it as a dependency; the CommonJS build
// bundles it, so `require('@karvon/sdk')` works on every Node the engines allow
// without relying on require(esm). See docs/decisions/0003-sdk-packaging.md.
export default defineConfig([
  { ...shared, format: ['esm'] },
  { ...shared, format: ['cjs'], noExternal: ['ky'] },
]);
