import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import graphqlConfig from '../../.graphqlrc';
import { SHOPIFY_ADMIN_API_VERSION } from '../api-version';

const root = join(import.meta.dirname, '..', '..');

describe('the Admin API operation types', () => {
  it('are generated from the pinned version’s schema', () => {
    expect(graphqlConfig.schema).toContain(`admin-${SHOPIFY_ADMIN_API_VERSION}.`);
  });

  it('are what @shopify/api-codegen-preset generates from the operations today (run `pnpm codegen` after editing one)', async () => {
    const project = graphqlConfig.projects.default;
    // The preset's pluckConfig is wider than the CLI's declared type; it is what `pnpm codegen` runs.
    const config = {
      cwd: root,
      schema: project.schema,
      documents: project.documents,
      pluckConfig: project.extensions.codegen.pluckConfig,
      generates: project.extensions.codegen.generates,
      silent: true,
    } as unknown as Parameters<typeof generate>[0];
    const outputs = await generate(config, false);
    expect(outputs.length).toBe(2);
    for (const output of outputs) {
      expect(readFileSync(join(root, output.filename), 'utf8'), output.filename).toBe(output.content);
    }
  }, 60_000);
});
