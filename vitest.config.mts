import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Two test files build the site while the others run: allow for a busy machine.
  test: { include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, globalSetup: ['tests/unit/notify/postgres-setup.ts'] },
  resolve: { alias: { '@': new URL('./', import.meta.url).pathname } },
});
