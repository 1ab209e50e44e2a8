import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './db';

type Env = Record<string, string | undefined>;

/** Where the generated secret is kept when SUBSCRIBE_SECRET is not set. */
export const secretFile = (env: Env = process.env) => path.join(dataDir(env), 'secret');

/**
 * The server's secret for keyed hashes (rate-limit keys): SUBSCRIBE_SECRET, or else a random
 * one written to DATA_DIR/secret (mode 0600) on first start and read from there after. Several
 * instances sharing one PostgreSQL database must be given the same SUBSCRIBE_SECRET, or each
 * keeps its own count.
 */
export function serverSecret(env: Env = process.env): string {
  if (env.SUBSCRIBE_SECRET) {
    if (env.SUBSCRIBE_SECRET.length < 32) throw new Error('SUBSCRIBE_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`).');
    return env.SUBSCRIBE_SECRET;
  }
  const file = secretFile(env);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    // Written whole under another name, then linked into place: of two processes starting at
    // once, one link wins and both read the same complete secret.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(draft, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(draft);
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret: delete it to have a new one made.`);
  return secret;
}

/** A key that cannot be reversed by hashing every IPv4 address or a list of e-mail addresses without the secret. */
export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}
