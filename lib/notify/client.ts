import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

type Env = Record<string, string | undefined>;

/**
 * The address of the client that sent a request, for the per-IP limit of the subscription form.
 *
 * Next.js gives a route handler no socket: it only fills in `X-Forwarded-For` when the request
 * has none, so whatever a client writes there reaches the handler as is. The socket's address is
 * therefore written, by this server itself, into a header of its own as each request arrives
 * (`tagPeerAddresses`, installed by instrumentation.ts under `next start` and the standalone
 * server alike), signed with a key only this process knows: a copy of that header sent by a
 * client, or a request that came in before the hook, never carries the key.
 */
const PEER_HEADER = 'x-subprocessors-peer';
const KEY = Symbol.for('subprocessors.peer-key');
const holder = globalThis as typeof globalThis & { [KEY]?: string };

/** The process's key, made on first use; instrumentation and the routes share `globalThis`. */
const peerKey = () => (holder[KEY] ??= randomBytes(16).toString('hex'));

/** The header value that says "the socket's address is `address`", as the hook writes it. */
export function peerHeader(address: string): [string, string] {
  return [PEER_HEADER, `${peerKey()} ${address}`];
}

let tagged = false;

/** Writes each request's socket address into the peer header, replacing any the client sent. */
export function tagPeerAddresses(): void {
  if (tagged) return;
  tagged = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_HEADER] = peerHeader(request.socket.remoteAddress ?? '')[1];
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

/** The socket's address as the hook recorded it; undefined when the request did not come through it. */
function socketAddress(request: Request): string | undefined {
  const [key, address] = (request.headers.get(PEER_HEADER) ?? '').split(' ');
  return key === holder[KEY] && address ? address : undefined;
}

/**
 * `TRUST_PROXY` (off by default) says which proxy header to believe, for a site behind a load
 * balancer or CDN whose own address every request would otherwise share:
 * - a number N: N proxies in front of the server, each appending to `X-Forwarded-For`; the
 *   client is the address the outermost of them saw (the N-th entry from the right);
 * - a header name (`x-real-ip`, `cf-connecting-ip`, `fly-client-ip`, …): one the proxy sets
 *   itself, replacing any a client sent.
 * Anything else is refused at start rather than guessed.
 */
export type TrustProxy = { hops: number } | { header: string } | undefined;

export function trustProxy(env: Env = process.env): TrustProxy {
  const value = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (!value || value === '0' || value === 'false' || value === 'off') return undefined;
  if (/^\d+$/.test(value)) return { hops: Number(value) };
  if (/^[a-z0-9-]+$/.test(value)) return { header: value };
  throw new Error(`TRUST_PROXY must be a number of proxies or a header name, not "${env.TRUST_PROXY}"`);
}

/** The client's address: the socket's, unless TRUST_PROXY names what to believe instead. */
export function clientAddress(request: Request, env: Env = process.env): string {
  const socket = socketAddress(request);
  const trust = trustProxy(env);
  if (trust && 'header' in trust) {
    const given = request.headers.get(trust.header)?.split(',').at(-1)?.trim();
    return given && isIP(unmapped(given)) ? given : (socket ?? 'unknown');
  }
  if (trust) {
    // As Express counts hops: the socket, then X-Forwarded-For from the right.
    const chain = [socket ?? 'unknown', ...(request.headers.get('x-forwarded-for') ?? '').split(',').map((part) => part.trim()).filter(Boolean).reverse()];
    return chain[Math.min(trust.hops, chain.length - 1)];
  }
  // Without the hook (a request before it, a host without a Node.js server): one shared key, never a header a client chose.
  return socket ?? 'unknown';
}

const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * What the per-IP limit counts: an IPv4 address, or an IPv6 address's /64 (one subscriber line
 * gets a whole /64, so counting single IPv6 addresses would give one client 2^64 of them).
 */
export function networkOf(address: string): string {
  const plain = unmapped(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (isIP(plain) !== 6) return plain;
  const [head, tail = ''] = plain.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = plain.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}
