// npm leaves other platforms' optional binaries (e.g. @next/swc-darwin-arm64) out of
// package-lock.json when its registry does not serve them, and `npm ci` then rejects the
// lock as out of sync. Run `node scripts/complete-lockfile.mjs` after `npm install` to add
// them back as optional, platform-tagged entries: npm skips them on other platforms and
// fetches them by version on their own.
//
// Every entry it adds, and any other entry without one, gets the registry's `integrity` hash
// (`npm view <name>@<version> dist.integrity`), so each package in the lock is pinned to the
// exact bytes published: `npm ci` refuses a tarball that does not match. If a hash cannot be
// had, the script fails and writes nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
const added = [];
for (const [where, meta] of Object.entries(pkgs)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (pkgs[key] || pkgs[`${where}/node_modules/${name}`]) continue;
    const m = /(android|darwin|freebsd|linux|win32|openharmony|wasm32)-([a-z0-9]+)(?:-(gnu|musl|gnueabihf|musleabihf|eabi|msvc|wasi))?$/.exec(name);
    if (!m) { console.error('?', name); continue; }
    const [, os, cpu, abi] = m;
    const entry = { version: spec.replace(/^[\^~]/, ''), optional: true };
    if (os === 'wasm32') entry.cpu = ['wasm32']; else { entry.os = [os]; entry.cpu = [cpu === 'arm' ? 'arm' : cpu]; }
    if (abi === 'gnu' || abi === 'gnueabihf') entry.libc = ['glibc'];
    if (abi === 'musl' || abi === 'musleabihf') entry.libc = ['musl'];
    pkgs[key] = entry; added.push(name);
  }
}

// The lock records no `resolved` URLs (npm then uses the configured registry); only the hash is added.
let pinned = 0;
for (const [key, entry] of Object.entries(pkgs)) {
  if (key === '' || entry.link || entry.integrity) continue;
  const name = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
  let integrity;
  try {
    integrity = JSON.parse(execFileSync('npm', ['view', `${name}@${entry.version}`, 'dist.integrity', '--json'], { encoding: 'utf8' }) || 'null');
  } catch (error) {
    console.error(`${key}: could not read the integrity of ${name}@${entry.version} from the registry: ${error.message}`);
    process.exit(1);
  }
  if (typeof integrity !== 'string' || !/^sha512-/.test(integrity)) {
    console.error(`${key}: the registry gives no sha512 integrity for ${name}@${entry.version} (${JSON.stringify(integrity)})`);
    process.exit(1);
  }
  // Keep npm's key order: integrity after version (and resolved, when present).
  const { version, resolved, ...rest } = entry;
  pkgs[key] = { version, ...(resolved ? { resolved } : {}), integrity, ...rest };
  pinned++;
}
fs.writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(added.length, 'added,', pinned, 'pinned with their integrity hash');
