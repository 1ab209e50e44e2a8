import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, serialise } from '@/lib/publish/json-schemas';
import { edit, ENTRY, writeContent } from './fixtures';

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('scripts', script), ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run new', () => {
  it('scaffolds a file with every required field and the notice period, and refuses to overwrite', () => {
    const dir = writeContent({});
    const env = { CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-11-23' };
    expect(run('new.ts', ['Stripe'], env)).toMatchObject({ code: 0 });
    const file = path.join(dir, 'subprocessors/stripe.md');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('name: "Stripe"\n');
    expect(text).toContain('    announced: 2026-11-23\n    effective: 2026-12-23\n');
    expect(text).toContain('# One of: hosting, email');

    expect(run('new.ts', ['Stripe'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('stripe.md already exists; nothing was changed.') });
    expect(fs.readFileSync(file, 'utf8')).toBe(text);

    // Until every TODO is filled in, it does not validate.
    expect(run('validate.ts', [dir], {}).stdout).toContain('entity: still says TODO');
    const filled = text
      .replace('entity: TODO', 'entity: Stripe Payments Europe, Limited')
      .replace('category: TODO', 'category: email')
      .replace('purpose: TODO', 'purpose: Payments.')
      .replace('  - TODO', '  - Billing address')
      .replace('country: TODO', 'country: IE')
      .replace('detail: TODO', 'detail: Dublin')
      .replace('address: TODO', 'address: 1 Grand Canal Street Lower, Dublin')
      .replace('contact: TODO', 'contact: dpo@stripe.com')
      .replace('dpa: TODO', 'dpa: https://stripe.com/legal/dpa')
      .replace(/subprocessors: TODO.*/, 'subprocessors: https://stripe.com/legal/service-providers')
      .replace(/summary: TODO.*/, 'summary: Payments for paid plans.');
    fs.writeFileSync(file, filled);
    expect(run('validate.ts', [dir], {})).toMatchObject({ code: 0, stdout: expect.stringContaining('0 errors, 0 warnings') });
  });

  it('reads flags as flags: --help prints the usage, an unknown flag is refused, and neither writes a file', () => {
    const dir = writeContent({});
    const env = { CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-11-23' };
    expect(run('new.ts', ['Zoom', '--help'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: npm run new -- "Company name"') });
    expect(run('new.ts', ['Zoom', '--force'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--force'") });
    expect(fs.existsSync(path.join(dir, 'subprocessors'))).toBe(false);
  });
});

describe('npm run notice', () => {
  const upcoming = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2026-11-20\n    effective: 2026-12-21\n    summary: Moves to Frankfurt.\n    previous:\n      locations: [{ country: US }]\n');
  const dir = writeContent({ 'subprocessors/acme.md': edit(upcoming, 'country: US', 'country: DE\n    detail: Frankfurt') });

  it('prints the customer notice for the upcoming change, in plain text and Markdown', () => {
    const { code, stdout } = run('notice.ts', ['acme'], { CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-11-23' });
    expect(code).toBe(0);
    const [text, markdown] = stdout.split('--- Markdown ---');
    expect(text).toContain('Subject: Updated subprocessor: Acme Cloud, effective December 21, 2026');
    expect(text).toContain('Acme will change the entry for Acme Cloud on its list of subprocessors on December 21, 2026.');
    expect(text).toContain('- Locations: Germany: Frankfurt');
    expect(text).toContain('- Locations\n  - Before: United States\n  - After: Germany: Frankfurt');
    expect(text).toContain('Object by 23:59 UTC on December 20, 2026 — 27 days left. To object to this change, write to privacy@acme.example');
    expect(text).toContain('Details: https://acme.example/subprocessors/acme');
    expect(markdown).toContain('**Object by 23:59 UTC on December 20, 2026 — 27 days left.**');
    expect(markdown).toContain('Acme will change the entry for **Acme Cloud** on its list of subprocessors on **December 21, 2026**.');
  });

  it('says so when there is nothing upcoming', () => {
    expect(run('notice.ts', ['acme'], { CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-12-21' })).toMatchObject({ code: 1, stderr: 'acme has no change announced and still to take effect, nor an urgent one open to objection, on 2026-12-21.\n' });
    expect(run('notice.ts', ['nobody'], { CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-11-23' })).toMatchObject({ code: 1, stderr: "There is no subprocessor 'nobody'.\n" });
  });
});

describe('npm run diff', () => {
  it('describes what the working tree changes on the public list compared with a git ref', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-'));
    const dir = writeContent({ 'subprocessors/acme.md': ENTRY, 'subprocessors/gone.md': edit(ENTRY, 'name: Acme Cloud', 'name: Gone Ltd') }, path.join(repo, 'content'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=Legal', '-c', 'user.email=legal@acme.example', 'commit', '-qm', 'Initial list');

    fs.writeFileSync(path.join(dir, 'subprocessors/acme.md'), edit(edit(ENTRY, '  - Account data', '  - Account data\n  - Billing data'), '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2026-11-20\n    effective: 2026-12-21\n    summary: Adds billing data.\n'));
    fs.writeFileSync(path.join(dir, 'subprocessors/mailer.md'), edit(edit(ENTRY, 'name: Acme Cloud', 'name: Mailer'), 'category: hosting', 'category: email').replace(/announced: 2025-01-01\n    effective: 2025-01-01/, 'announced: 2026-11-23\n    effective: 2026-12-23'));
    fs.rmSync(path.join(dir, 'subprocessors/gone.md'));

    const { code, stdout } = run('diff.ts', ['HEAD'], { CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-11-23' });
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'What this changes on the subprocessor list (compared with HEAD)',
        '',
        '- Acme Cloud: Data categories changes from “Account data” to “Account data; Billing data”.',
        '- New event — Updated: Acme Cloud appears as an upcoming change until it takes effect on December 21, 2026. “Adds billing data.” Its former values are not recorded under previous, so the new values show before it takes effect. Warning: it is announced on November 20, 2026, a date already past: subscribers are e-mailed only once this is published, 28 days before it takes effect, less than the 30-day notice period; the delivery log keeps the real date.',
        '- New subprocessor file: Mailer (content/subprocessors/mailer.md).'.replace('content/', `${path.relative(process.cwd(), dir)}/`),
        '- New event — Added: Mailer appears as an upcoming change until it takes effect on December 23, 2026. “Mailer added to the list.”',
        '- Gone Ltd: its file was deleted, so it and its history disappear from every page. To take a subprocessor off the list, add a removed event instead.',
        '- The list in force today (November 23, 2026) changes as soon as this is published.',
        '',
      ].join('\n'),
    );
    const markdown = run('diff.ts', ['HEAD', '--markdown'], { CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-11-23' }).stdout;
    expect(markdown).toMatch(/^## What this changes on the subprocessor list \(compared with `HEAD`\)\n\n- \*\*Acme Cloud\*\*: Data categories changes/);
  });
});

describe('JSON Schemas for editors', () => {
  it.each(Object.entries(jsonSchemas()))('schemas/%s is up to date (run `npm run schemas` after changing lib/content/schema.ts)', (file, schema) => {
    expect(fs.readFileSync(path.join('schemas', file), 'utf8')).toBe(serialise(schema));
  });

  it('are mapped onto the content files in VS Code', () => {
    const settings = JSON.parse(fs.readFileSync('.vscode/settings.json', 'utf8'));
    expect(settings['yaml.schemas']['./schemas/site.schema.json']).toContain('content/site.yaml');
    expect(settings['yaml.schemas']['./schemas/subprocessor.schema.json']).toContain('content/subprocessors/*.yaml');
    expect(fs.readFileSync('content/site.yaml', 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/site\.schema\.json\n/);
  });
});
