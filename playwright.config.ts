import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/chromium';

/** Pages are evaluated on this date, so the assertions do not depend on when the tests run. */
export const TODAY = '2026-11-23';

/** The notice test's servers, SMTP server and database (a file shared by both servers and `npm run notify`). */
export const NOTIFY = {
  port: 3300,
  laterPort: 3301,
  later: '2026-11-30',
  smtpPort: 3325,
  dataDir: '.data-e2e',
  /** The objection test's server: the same build a week later, with a database and an SMTP server of its own. */
  objection: { port: 3302, smtpPort: 3326, dataDir: '.data-e2e-objection', today: '2026-11-30' },
  /** The desk's objection test's server: the same build on December 8 (Anthropic and Mistral AI in progress), its own database and SMTP server. */
  deskObjection: { port: 3303, smtpPort: 3327, dataDir: '.data-e2e-desk-objection', today: '2026-12-08' },
  env: { CONTENT_DIR: 'tests/fixtures/notify', NEXT_DIST_DIR: '.next-notify', DATA_DIR: '.data-e2e', SMTP_URL: 'smtp://127.0.0.1:3325', SUBPROCESSORS_TODAY: TODAY, NOTIFY_INTERVAL_SECONDS: '0', NOTIFY_SECRET: 'test-secret-for-cron', DESK_EMAILS: 'legal@notifyco.example, Counsel@Notifyco.example' },
};

const servers: { name: string; port: number; env: Record<string, string>; base?: string; prepare?: string }[] = [
  { name: 'sample', port: 3100, env: {} },
  { name: 'backend-chat', port: 3101, env: { CONTENT_DIR: 'examples/backend-chat', NEXT_DIST_DIR: '.next-example' } },
  // Scopes: a US and an EU cloud in one list.
  // With a mail server that never answers, so its subscription page offers the scope choices.
  { name: 'two-cloud', port: 3108, env: { CONTENT_DIR: 'examples/two-cloud', NEXT_DIST_DIR: '.next-two-cloud', SMTP_URL: 'smtp://127.0.0.1:3399', DATA_DIR: '.data-two-cloud' } },
  // Injection attempts in every field: nothing may run.
  { name: 'hostile', port: 3103, env: { CONTENT_DIR: 'tests/fixtures/hostile', NEXT_DIST_DIR: '.next-hostile' } },
  // Served under https://example.com/legal, and allowed in frames on one other site.
  // A generated 27-entry list with three scopes and two announced changes: the list must still come first.
  { name: 'long-list', port: 3111, prepare: 'npx tsx tests/e2e/long-list.ts .e2e-long-list', env: { CONTENT_DIR: '.e2e-long-list', NEXT_DIST_DIR: '.next-long-list' } },
  { name: 'base-path', port: 3104, base: '/legal', env: { CONTENT_DIR: 'tests/fixtures/base-path', NEXT_DIST_DIR: '.next-base', SUBPROCESSORS_FRAME_ANCESTORS: "'self' http://127.0.0.1:3105" } },
];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: chromiumPath() ?? undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    ...servers.map(({ name, port }) => ({ name, testMatch: `${name}/**/*.spec.ts`, use: { baseURL: `http://localhost:${port}` } })),
    { name: 'notify', testMatch: 'notify/**/*.spec.ts', use: { baseURL: `http://localhost:${NOTIFY.port}` } },
    // Checks that run on every content folder.
    // Their paths start at the root, so not the base-path build (its own tests cover it).
    ...servers.filter(({ base }) => !base).map(({ name, port }) => ({ name: `${name} (all folders)`, testMatch: 'all/**/*.spec.ts', use: { baseURL: `http://localhost:${port}` } })),
    // The list on the first screen: the sample, both examples and the 27-entry list.
    ...servers.filter(({ name }) => ['sample', 'backend-chat', 'two-cloud', 'long-list'].includes(name)).map(({ name, port }) => ({ name: `${name} (list first)`, testMatch: 'list-first/**/*.spec.ts', use: { baseURL: `http://localhost:${port}` } })),
  ],
  // Fresh production builds, as visitors get them, each in its own folder.
  webServer: [
    ...servers.map(({ port, env, base = '', prepare }) => ({
      command: `${prepare ? `${prepare} && ` : ''}npx next build && npx next start -p ${port} -H localhost`,
      url: `http://localhost:${port}${base}/subprocessors`,
      env: { ...env, SUBPROCESSORS_TODAY: TODAY },
      reuseExistingServer: false,
      timeout: 300_000,
    })),
    // E-mail notices: one build, two servers on one database: today, and a week later; a third for the objection test, a fourth for the desk's objections.
    {
      command: `rm -rf ${NOTIFY.dataDir} ${NOTIFY.objection.dataDir} ${NOTIFY.deskObjection.dataDir} && npx next build && (SUBPROCESSORS_TODAY=${NOTIFY.later} npx next start -p ${NOTIFY.laterPort} -H localhost & ${[NOTIFY.objection, NOTIFY.deskObjection].map((server) => `DATA_DIR=${server.dataDir} SMTP_URL=smtp://127.0.0.1:${server.smtpPort} SUBPROCESSORS_TODAY=${server.today} npx next start -p ${server.port} -H localhost & `).join('')}npx next start -p ${NOTIFY.port} -H localhost)`,
      url: `http://localhost:${NOTIFY.port}/subprocessors`,
      env: NOTIFY.env,
      reuseExistingServer: false,
      timeout: 300_000,
    },
  ],
});
