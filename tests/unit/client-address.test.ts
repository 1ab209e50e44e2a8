import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sameOrigin } from '../../lib/notify/forms';
import { clientAddress, networkOf, peerHeader, tagPeerAddresses, trustProxy } from '../../lib/notify/client';
import { serverSecret } from '../../lib/notify/secret';

const request = (headers: Record<string, string>) => new Request('http://localhost/subprocessors/subscribe', { method: 'POST', headers });
const from = (socket: string, headers: Record<string, string> = {}) => request({ ...Object.fromEntries([peerHeader(socket)]), ...headers });

describe('the client address of a request', () => {
  it('is the socket address, whatever X-Forwarded-For or a copied peer header says, unless TRUST_PROXY says otherwise', () => {
    expect(clientAddress(from('192.0.2.1', { 'x-forwarded-for': '10.0.0.1', 'x-real-ip': '10.0.0.2' }), {})).toBe('192.0.2.1');
    expect(clientAddress(request({ 'x-subprocessors-peer': '0123456789abcdef 10.0.0.3', 'x-forwarded-for': '10.0.0.1' }), {})).toBe('unknown');
    // One proxy in front: the address it saw, not what the client wrote before it.
    expect(clientAddress(from('10.9.9.9', { 'x-forwarded-for': '10.0.0.1, 198.51.100.7' }), { TRUST_PROXY: '1' })).toBe('198.51.100.7');
    expect(clientAddress(from('10.9.9.9', { 'x-forwarded-for': '10.0.0.1, 198.51.100.7, 10.8.8.8' }), { TRUST_PROXY: '2' })).toBe('198.51.100.7');
    expect(clientAddress(from('10.9.9.9'), { TRUST_PROXY: '1' })).toBe('10.9.9.9');
    // A header the proxy sets; anything but an IP address in it falls back to the socket.
    expect(clientAddress(from('10.9.9.9', { 'cf-connecting-ip': '2001:db8::7' }), { TRUST_PROXY: 'CF-Connecting-IP' })).toBe('2001:db8::7');
    expect(clientAddress(from('10.9.9.9', { 'cf-connecting-ip': 'me, myself' }), { TRUST_PROXY: 'cf-connecting-ip' })).toBe('10.9.9.9');
    expect(trustProxy({})).toBeUndefined();
    expect(trustProxy({ TRUST_PROXY: 'off' })).toBeUndefined();
    expect(() => trustProxy({ TRUST_PROXY: 'yes please' })).toThrow('TRUST_PROXY must be a number of proxies or a header name, not "yes please"');
  });

  it('is recorded from the socket by this server as each request arrives, replacing the header a client sent', async () => {
    tagPeerAddresses();
    const server = http.createServer((incoming, response) => response.end(String(incoming.headers['x-subprocessors-peer'])));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const seen = await (await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-subprocessors-peer': 'forged 10.0.0.1' } })).text();
    server.close();
    expect(clientAddress(request({ 'x-subprocessors-peer': seen }), {})).toBe('127.0.0.1');
  });

  it('is counted per IPv4 address and per IPv6 /64', () => {
    expect(networkOf('203.0.113.9')).toBe('203.0.113.9');
    expect(networkOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(networkOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(networkOf('unknown')).toBe('unknown');
  });
});

describe('the server secret for keyed hashes', () => {
  it('is made on first start in DATA_DIR, readable by the owner only, and the same afterwards; SUBSCRIBE_SECRET wins', () => {
    const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-'));
    const first = serverSecret({ DATA_DIR });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(path.join(DATA_DIR, 'secret')).mode & 0o777).toBe(0o600);
    expect(serverSecret({ DATA_DIR })).toBe(first);
    expect(serverSecret({ DATA_DIR, SUBSCRIBE_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40));
    expect(() => serverSecret({ DATA_DIR, SUBSCRIBE_SECRET: 'short' })).toThrow('SUBSCRIBE_SECRET must be at least 32 characters');
  });
});

describe('the same-origin check of every form', () => {
  const post = (headers: Record<string, string>) => request({ host: 'lists.example.com', ...headers });
  it('compares Origin with the Host the request was sent to; a forwarded host counts only with TRUST_PROXY', () => {
    expect(sameOrigin(post({ origin: 'https://lists.example.com', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(sameOrigin(post({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    // A script that sets its own X-Forwarded-Host to match its Origin gets nowhere without a proxy…
    const forged = post({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' });
    vi.stubEnv('TRUST_PROXY', '');
    try {
      expect(sameOrigin(forged)).toBe(false);
      // …while behind a declared proxy the host it forwards is the one the browser asked for.
      vi.stubEnv('TRUST_PROXY', '1');
      expect(sameOrigin(post({ host: '10.0.0.5:3000', origin: 'https://lists.example.com', 'x-forwarded-host': 'lists.example.com' }))).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
