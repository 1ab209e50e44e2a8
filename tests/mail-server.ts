import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = ParsedMail & { to_: string };
type Rule = (to: string, count: number) => { code: number; message: string } | undefined;

/**
 * A real SMTP server (no mock): for the unit and browser tests in this process; every accepted
 * message parsed back with mailparser. `delayMs`: how long it takes to accept each message (a
 * slow, remote server).
 */
export async function startSmtp(port: number, rule?: Rule, { delayMs = 0 }: { delayMs?: number } = {}) {
  const messages: Received[] = [];
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
            messages.push(Object.assign(mail, { to_: session.envelope.rcptTo[0].address }));
            callback();
          }, delayMs);
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client killed mid-transaction resets its connection: expected in the fault tests, not a failure.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { messages, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

