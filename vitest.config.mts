import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Several test files build the site or wait on servers and SMTP retries while the others run:
  // two files at a time even on a two-core machine (Vitest's default there is one), and time for a
  // busy machine. Each file has its own ports, build folder and databases.
  test: { include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, maxWorkers: 2, globalSetup: ['tests/unit/notify/postgres-setup.ts'] },
  resolve: { alias: { '@': new URL('./', import.meta.url).pathname } },
});
