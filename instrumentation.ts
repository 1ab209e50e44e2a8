/**
 * Next.js calls this once when a server starts. The server sends due notices itself every
 * few minutes, so one instance needs no cron. Only in the Node.js runtime, and not while
 * `next build` loads the app to prerender pages.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startScheduler } = await import('./lib/notify/scheduler');
  startScheduler();
}
