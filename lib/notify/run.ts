import { loadContent } from '../content/load';
import { resolveNow, resolveToday } from '../content/today';
import { database } from './db';
import { runNotify, type NotifyResult } from './job';
import { createMailer, mailMode } from './mailer';
import { serverSecret } from './secret';

type Env = Record<string, string | undefined>;

const number = (value: string | undefined, fallback: number) => (value && Number.isFinite(Number(value)) ? Number(value) : fallback);

/** The edge of the job: reads the environment, the clock and the content, then runs it. */
export async function notifyNow(env: Env = process.env, log: (line: string) => void = console.log): Promise<NotifyResult | { off: string }> {
  const content = loadContent();
  const mode = mailMode(content.site, env);
  if (mode.kind === 'off') return { off: mode.reason };
  const mailer = createMailer(content.site, mode, log);
  try {
    return await runNotify({
      db: await database(),
      content,
      mailer,
      today: resolveToday(content.site, env),
      now: () => resolveNow(content.site, env),
      rate: number(env.NOTIFY_RATE, 20),
      leaseMs: number(env.NOTIFY_LEASE_SECONDS, 120) * 1000,
      retryBaseMs: number(env.NOTIFY_RETRY_SECONDS, 1) * 1000,
      log,
      secret: serverSecret(env),
    });
  } finally {
    mailer.close();
  }
}

let running: Promise<unknown> | undefined;

/** Runs the job in this process unless a run is already going (the scheduler, the API and a confirmation may all ask at once). */
export function notifySoon(log: (line: string) => void = console.log): Promise<unknown> {
  running ??= notifyNow(process.env, log)
    .catch((error: unknown) => console.error(`notify: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => {
      running = undefined;
    });
  return running;
}
