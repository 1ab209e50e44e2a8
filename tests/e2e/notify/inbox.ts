import { expect } from '@playwright/test';
import type { Received } from '../../mail-server';

/** What the test SMTP server received, by recipient; `nextMail` waits for the `count`-th to one address. */
export function inbox(smtp: { messages: Received[] }) {
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to_ === address);
  async function nextMail(address: string, count: number): Promise<Received> {
    await expect.poll(() => mailsTo(address).length, { timeout: 20_000 }).toBe(count);
    return mailsTo(address)[count - 1];
  }
  return { mailsTo, nextMail };
}
