/**
 * Next.js calls this once when a server starts (`next start` and the standalone server.js
 * alike). It records each request's socket address for the subscription form's per-IP limit
 * (route handlers see no socket), and the server sends due notices itself every few minutes,
 * so one instance needs no cron. Only in the Node.js runtime, and not while `next build`
 * loads the app to prerender pages.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { tagPeerAddresses, trustProxy } = await import('./lib/notify/client');
  // A mistyped TRUST_PROXY stops the start rather than being guessed at on every request.
  trustProxy();
  tagPeerAddresses();
  const { startScheduler } = await import('./lib/notify/scheduler');
  startScheduler();
}
