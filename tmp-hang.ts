import fs from 'node:fs';
import path from 'node:path';
import { checkContent } from './lib/content';
const SITE = fs.readFileSync('tests/unit/fixtures.ts', 'utf8').split('export const SITE = `')[1].split('`;')[0];
const ENTRY = fs.readFileSync('tests/unit/fixtures.ts', 'utf8').split('export const ENTRY = `')[1].split('`;')[0];
const cases: Record<string, Record<string, string>> = {
  url200k: { 'subprocessors/a.md': ENTRY.replace('https://acme.example/dpa', 'https://' + 'a'.repeat(200_000)) },
  dupkeys: { 'subprocessors/a.md': ENTRY.replace('purpose: Hosting.', 'purpose: Hosting.\n' + Array.from({ length: 20000 }, () => 'purpose: x').join('\n')) },
  placeholders: { 'sections/10-a.md': '---\n---\n' + '{{x}} '.repeat(50000) },
  aliasSuggest: { 'subprocessors/a.md': ENTRY.replace('purpose: Hosting.', 'purpose: Hosting.\nlinks: &l {dpaa: x, privac: y, securit: z, ' + Array.from({length: 50}, (_, i) => `k${i}x: v`).join(', ') + '}\nx1: [' + Array(99).fill('*l').join(',') + ']') },
  deep: { 'subprocessors/a.md': ENTRY.replace('purpose: Hosting.', 'purpose: Hosting.\nx: ' + '['.repeat(20000) + ']'.repeat(20000)) },
  manyKeys: { 'subprocessors/a.md': ENTRY.replace('purpose: Hosting.', 'purpose: Hosting.\n' + Array.from({ length: 20000 }, (_, i) => `k${i}: x`).join('\n')) },
};
for (const [name, files] of Object.entries(cases)) {
  const dir = fs.mkdtempSync('/tmp/hang/c-');
  for (const [f, t] of Object.entries({ 'site.yaml': SITE, ...files })) { fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true }); fs.writeFileSync(path.join(dir, f), t); }
  const t0 = performance.now();
  try {
    const { problems } = checkContent(dir, { today: '2026-11-23' });
    const out = problems.map((p) => `${p.line}: ${p.field}: ${p.message}`).join('\n');
    console.log(name, Math.round(performance.now() - t0), 'ms', problems.length, 'problems', out.length, 'chars', out.slice(0, 200).replace(/\n/g, ' | '));
  } catch (e) { console.log(name, 'THREW', (e as Error).message.slice(0, 200), Math.round(performance.now() - t0)); }
}
