import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, ENTRY, writeContent } from './fixtures';

const broken = () =>
  writeContent({
    'subprocessors/a.md': edit(ENTRY, 'country: US', 'country: United States'),
    'subprocessors/b.md': edit(ENTRY, 'category: hosting', 'category: hostng'),
  });

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, timeout: 120_000 });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe('validate and build on broken content', () => {
  const dir = broken();
  const rel = path.relative(process.cwd(), dir);
  const expected = [
    `${rel}/subprocessors/a.md:9: locations[0].country: 'United States' is not an ISO 3166-1 country code — did you mean \`US\` (United States)?`,
    `${rel}/subprocessors/b.md:4: category: 'hostng' is not a category in site.yaml — did you mean \`hosting\`?`,
  ];

  it('`npm run validate` prints every problem and a count, and exits 1', () => {
    const { code, output } = run(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir]);
    expect(code).toBe(1);
    for (const line of expected) expect(output).toContain(line);
    expect(output).toContain(`${rel}: 2 errors, 0 warnings`);
  });

  it('`next build` fails on the same content with the same messages, and writes nothing', () => {
    fs.rmSync('.next-test', { recursive: true, force: true });
    const { code, output } = run('npx', ['next', 'build'], { CONTENT_DIR: dir, NEXT_DIST_DIR: '.next-test' });
    expect(code).toBe(1);
    // No half-written build: whatever serves the site keeps its last good one.
    expect(fs.existsSync('.next-test')).toBe(false);
    for (const line of expected) expect(output).toContain(line);
    expect(output).toContain('The content is invalid, so nothing was built: 2 errors, 0 warnings');
  }, 120_000);

  it('valid content passes with exit code 0', () => {
    const { code, output } = run(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', writeContent({ 'subprocessors/a.md': ENTRY })]);
    expect(output).toMatch(/: 0 errors, 0 warnings/);
    expect(code).toBe(0);
  });
});

describe('the validate report reads like a linter', () => {
  const dir = writeContent({
    'subprocessors/a.md': edit(ENTRY, 'country: US', 'country: United States'),
    'subprocessors/b.md': ENTRY.replace(/address:[\s\S]*?subprocessors: .*\n/, ''),
  });
  const rel = path.relative(process.cwd(), dir);

  it('groups problems by file, with the fix under each, then counts them', () => {
    const { code, output } = run(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], { GITHUB_ACTIONS: '' });
    expect(code).toBe(1);
    expect(output).toContain(
      [
        `${rel}/subprocessors/a.md (1 error, 0 warnings)`,
        `  ${rel}/subprocessors/a.md:9: locations[0].country: 'United States' is not an ISO 3166-1 country code — did you mean \`US\` (United States)?`,
        '      fix: Use a two-letter code such as `US` or `DE`, or `EU` or `global`; put the city or data centre in `detail`.',
        '',
        `${rel}/subprocessors/b.md (0 errors, 3 warnings)`,
        `  warning: ${rel}/subprocessors/b.md:2: links.dpa: no link to the data processing agreement`,
      ].join('\n'),
    );
    expect(output).toContain(`${rel}: 1 error, 3 warnings in 2 files`);
    expect(output).not.toContain('\u001b['); // no colours when not on a terminal
    expect(output).not.toContain('::error');
  });

  it('prints GitHub annotations under GitHub Actions', () => {
    const { output } = run(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], { GITHUB_ACTIONS: 'true' });
    expect(output).toContain(
      `::error file=${rel}/subprocessors/a.md,line=9,title=locations[0].country::'United States' is not an ISO 3166-1 country code — did you mean \`US\` (United States)?%0AFix: Use a two-letter code such as \`US\` or \`DE\`, or \`EU\` or \`global\`; put the city or data centre in \`detail\`.`,
    );
    expect(output).toContain(`::warning file=${rel}/subprocessors/b.md,line=2,title=links.dpa::no link to the data processing agreement`);
  });

  it('passes with exit code 0 when there are only warnings', () => {
    const { code, output } = run(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', writeContent({ 'subprocessors/b.md': ENTRY.replace(/links:[\s\S]*?subprocessors: .*\n/, '') })]);
    expect(output).toMatch(/: 0 errors, 2 warnings in 1 file/);
    expect(code).toBe(0);
  });
});

describe('front matter never runs as code', () => {
  // Each payload would write the marker file if any tool evaluated it (gray-matter evaluates `---js`).
  const marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marker-')), 'ran');
  const payload = (tag: string) => `---${tag}\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'ran') || {}\n---\nText.\n`;
  const dir = writeContent({ 'sections/10-intro.md': payload('js'), 'subprocessors/a.md': payload('javascript'), 'subprocessors/b.md': payload(' JS ') });
  const rel = path.relative(process.cwd(), dir);
  const expected = [
    `${rel}/sections/10-intro.md:1: file: the front matter is marked as \`js\`, but only YAML front matter exists`,
    `${rel}/subprocessors/a.md:1: file: the front matter is marked as \`javascript\`, but only YAML front matter exists`,
    `${rel}/subprocessors/b.md:1: file: the front matter is marked as \`JS\`, but only YAML front matter exists`,
  ];

  it('`npm run validate` reports each file at line 1 and runs nothing', () => {
    const { code, output } = run(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir]);
    expect(code).toBe(1);
    for (const line of expected) expect(output).toContain(line);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('`next build` fails with the same report and runs nothing', () => {
    const { code, output } = run('npx', ['next', 'build'], { CONTENT_DIR: dir, NEXT_DIST_DIR: '.next-test-js' });
    expect(code).toBe(1);
    for (const line of expected) expect(output).toContain(line);
    expect(fs.existsSync(marker)).toBe(false);
  }, 120_000);
});
