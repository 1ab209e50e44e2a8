import { spawnSync } from 'node:child_process';
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
    const { code, output } = run('npx', ['tsx', 'scripts/validate.ts', dir]);
    expect(code).toBe(1);
    for (const line of expected) expect(output).toContain(line);
    expect(output).toContain(`${rel}: 2 errors, 0 warnings`);
  });

  it('`next build` fails on the same content with the same messages', () => {
    const { code, output } = run('npx', ['next', 'build'], { CONTENT_DIR: dir, NEXT_DIST_DIR: '.next-test' });
    expect(code).toBe(1);
    for (const line of expected) expect(output).toContain(line);
    expect(output).toContain('The content is invalid, so nothing was built: 2 errors, 0 warnings');
  }, 120_000);

  it('valid content passes with exit code 0', () => {
    const { code, output } = run('npx', ['tsx', 'scripts/validate.ts', writeContent({ 'subprocessors/a.md': ENTRY })]);
    expect(output).toMatch(/: 0 errors, 0 warnings/);
    expect(code).toBe(0);
  });
});
