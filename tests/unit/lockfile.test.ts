import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('package-lock.json pins every package', () => {
  const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { integrity?: string; link?: boolean }> };

  it('every package has a sha512 integrity hash, so `npm ci` installs only the exact bytes published', () => {
    const entries = Object.entries(lock.packages).filter(([key, entry]) => key !== '' && !entry.link);
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.filter(([, entry]) => !/^sha512-[A-Za-z0-9+/]{86}==$/.test(entry.integrity ?? '')).map(([key]) => key)).toEqual([]);
  });
});
