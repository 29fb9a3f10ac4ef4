import { defineConfig } from 'vitest/config';
import { karvonVitestConfig } from '../../vitest.shared';

export default defineConfig(karvonVitestConfig(import.meta.dirname));
