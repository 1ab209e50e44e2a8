import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkContent } from '@/lib/content/check';
import { subprocessorSchema } from '@/lib/content/schema';
import { ENTRY, writeContent } from './fixtures';

const RUNS = { numRuns: 1000, seed: 20261123 };
const TODAY = '2026-11-23';

// Values that are sometimes valid, so that some generated files pass and some do not.
const value = fc.oneof(
  fc.constantFrom('Acme', 'hosting', 'email', 'US', 'DE', 'United States', 'global', '2025-01-01', '2025-02-30', 'https://acme.example', 'javascript:alert(1)', 'SCCs', 'added', 'removed', ''),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const location = fc.record({ country: value, detail: value }, { requiredKeys: ['country'] });
const event = fc.record(
  { change: fc.constantFrom('added', 'updated', 'removed', 'changed'), announced: fc.constantFrom('2025-01-01', '2025-03-01', '2026-12-01', 'soon'), effective: fc.constantFrom('2025-01-01', '2025-04-15', '2027-01-01'), summary: value, urgent: fc.boolean(), reason: value },
  { requiredKeys: ['change', 'announced', 'effective'] },
);

/** A valid entry with each field kept, replaced by something arbitrary, or left out. */
const VALID: Record<string, unknown> = {
  name: 'Acme Cloud',
  entity: 'Acme Cloud, Inc.',
  category: 'hosting',
  purpose: 'Hosting.',
  data: ['Account data'],
  locations: [{ country: 'US' }],
  history: [{ change: 'added', announced: '2025-01-01', effective: '2025-01-01' }],
};
const RANDOM: Record<string, fc.Arbitrary<unknown>> = { data: fc.array(value, { maxLength: 3 }), locations: fc.array(location, { maxLength: 2 }), history: fc.array(event, { minLength: 1, maxLength: 3 }) };
const entry = fc
  .record({
    ...Object.fromEntries(
      Object.entries(VALID).map(([key, good]) => [
        key,
        fc.oneof({ weight: 8, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: RANDOM[key] ?? value }, { weight: 1, arbitrary: fc.constant(undefined) }),
      ]),
    ),
    transfers: fc.option(fc.array(fc.constantFrom('SCCs', 'DPF', 'adequacy', 'Standard Contractual Clauses'), { maxLength: 2 }), { nil: undefined }),
    extra: fc.option(value, { nil: undefined, freq: 8 }),
  })
  .map((data) => Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)));

describe('the loader, on arbitrary input', () => {
  const dir = writeContent({});
  const file = path.join(dir, 'subprocessors/fuzz.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const check = (text: string) => {
    fs.writeFileSync(file, text);
    return checkContent(dir, { today: TODAY });
  };

  it('never throws on arbitrary text, and every problem names its file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string().map((s) => `---\n${s}\n---\n`)), (text) => {
        const { content, problems } = check(text);
        expect(content !== undefined || problems.some((p) => p.severity === 'error')).toBe(true);
        for (const problem of problems) expect(problem.file).toMatch(/subprocessors\/fuzz\.md$|site\.yaml$/);
      }),
      RUNS,
    );
  });

  it('never accepts front matter the schema forbids', () => {
    let accepted = 0;
    fc.assert(
      fc.property(entry, (data) => {
        const { content, problems } = check(`---\n${stringify(data)}---\n`);
        for (const problem of problems) expect(problem.line).toBeGreaterThanOrEqual(1);
        if (content) {
          accepted++;
          expect(subprocessorSchema.safeParse(data).success).toBe(true);
        } else {
          expect(problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
    // The generator must reach both sides for the property to mean anything.
    expect(accepted).toBeGreaterThan(0);
  });

  it('never drops a file: a broken file is reported, and when nothing is broken every entry is listed', () => {
    const valid = Object.fromEntries(['a', 'b', 'c'].map((slug) => [`subprocessors/${slug}.md`, ENTRY.replace('Acme Cloud', slug.toUpperCase())]));
    const folder = writeContent(valid);
    const fuzz = path.join(folder, 'subprocessors/fuzz.md');
    fc.assert(
      fc.property(fc.oneof(fc.string(), entry.map((data) => `---\n${stringify(data)}---\n`)), (text) => {
        fs.writeFileSync(fuzz, text);
        const { content, problems } = checkContent(folder, { today: TODAY });
        if (content) expect(content.subprocessors.length + content.planned.length).toBe(4);
        else expect(problems.some((p) => p.severity === 'error' && p.file.endsWith('subprocessors/fuzz.md'))).toBe(true);
        // The valid files themselves never get an error.
        expect(problems.filter((p) => p.severity === 'error' && !p.file.endsWith('fuzz.md'))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('never runs code, ends within a time bound, and gives located errors or valid content, whatever the bytes', () => {
    const marker = path.join(dir, 'ran');
    const code = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); globalThis.contentRan = true`;
    const header = fc.oneof(fc.constantFrom('', 'js', 'javascript', ' JS ', '\tjs', 'coffee', 'yaml', 'json', '-', '--', '---js'), fc.string({ maxLength: 12 }));
    const body = fc.oneof(fc.constant(code), fc.constant(`{ "name": (${code}) }`), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), entry.map((data) => stringify(data)));
    const file = fc.oneof(
      fc.tuple(header, body, fc.constantFrom('---', '--- ', '...', '')).map(([tag, text, close]) => Buffer.from(`---${tag}\n${text}\n${close}\nNotes.\n`)),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.string({ unit: 'binary' }).map((text) => Buffer.from(text, 'latin1')),
    );
    fc.assert(
      fc.property(file, (bytes) => {
        fs.writeFileSync(path.join(dir, 'subprocessors/fuzz.md'), bytes);
        const started = performance.now();
        const { content, problems } = checkContent(dir, { today: TODAY });
        expect(performance.now() - started).toBeLessThan(2_000);
        expect(fs.existsSync(marker)).toBe(false);
        expect((globalThis as { contentRan?: boolean }).contentRan).toBeUndefined();
        if (!content) expect(problems.some((p) => p.severity === 'error' && p.file.endsWith('subprocessors/fuzz.md') && p.line >= 1)).toBe(true);
        for (const problem of problems) expect(problem.line).toBeGreaterThanOrEqual(1);
      }),
      RUNS,
    );
  });
});
