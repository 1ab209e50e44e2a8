// npm leaves other platforms' optional binaries (e.g. @next/swc-darwin-arm64) out of
// package-lock.json when its registry does not serve them, and `npm ci` then rejects the
// lock as out of sync. Run `node scripts/complete-lockfile.mjs` after `npm install` to add
// them back as optional, platform-tagged entries: npm skips them on other platforms and
// fetches them by version on their own.
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
fs.writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(added.length, 'added');
