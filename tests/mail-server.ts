import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = ParsedMail & { to_: string };
type Rule = (to: string, count: number) => { code: number; message: string } | undefined;

/**
 * A real SMTP server (no mock): for the unit and browser tests in this process; every accepted
 * message parsed back with mailparser. `delayMs`: how long it takes to accept each message (a
 * slow, remote server). `holdAfter`: once that many messages are in, each later one is received but
 * never answered until `release()` (a sender killed then has messages in flight, for certain).
 */
export async function startSmtp(port: number, rule?: Rule, { delayMs = 0, holdAfter = Infinity }: { delayMs?: number; holdAfter?: number } = {}) {
  const messages: Received[] = [];
  let held = 0;
  let holding = true;
  const tries = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const count = (tries.get(address.address) ?? 0) + 1;
      tries.set(address.address, count);
      const refusal = rule?.(address.address, count);
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          setTimeout(() => {
            const hold = holding && messages.length >= holdAfter;
            messages.push(Object.assign(mail, { to_: session.envelope.rcptTo[0].address }));
            if (hold) held += 1;
            else callback();
          }, delayMs);
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A port in use (another test file's server) is an answer, not a crash: `takeSmtp` waits for it.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client killed mid-transaction resets its connection: expected in the fault tests, not a failure.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  return {
    messages,
    url: `smtp://127.0.0.1:${port}`,
    held: () => held,
    release: () => {
      holding = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}


/**
 * The SMTP server on a port several test files use (the browser tests' server sends to one
 * port): waits while another file holds it, so the files take turns instead of failing.
 */
export async function takeSmtp(port: number, timeoutMs = 600_000): Promise<Awaited<ReturnType<typeof startSmtp>>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await startSmtp(port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
