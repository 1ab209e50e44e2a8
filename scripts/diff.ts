/**
 * `npm run diff -- <git-ref> [--markdown]`: what the working tree's content changes on the
 * public list compared with <git-ref>, in plain sentences (or Markdown, for a job summary).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentDir } from '../lib/content/load';
import { checkContent } from '../lib/content/check';
import { describeDiff, diffMarkdown, diffText } from '../lib/publish/diff';
import { MARKDOWN, PLAIN } from '../lib/publish/formats';
import { formatGrouped } from '../lib/content/report';
import { resolveToday } from '../lib/content/today';

const args = process.argv.slice(2);
const ref = args.find((arg) => !arg.startsWith('--'));
if (!ref) {
  console.error('Usage: npm run diff -- <git-ref> [--markdown]');
  process.exit(2);
}
const dir = contentDir();
const git = (...gitArgs: string[]) => execFileSync('git', gitArgs, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).trim();

try {
  git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
} catch {
  console.error(`'${ref}' is not a commit, branch or tag in this repository.`);
  process.exit(2);
}

// The content folder as it was at <ref>, written out to a temporary folder.
const root = git('rev-parse', '--show-toplevel');
const folder = path.relative(root, dir);
const old = fs.mkdtempSync(path.join(os.tmpdir(), 'content-at-ref-'));
// `--full-tree`: paths are relative to the repository root, wherever git runs.
for (const file of git('ls-tree', '-r', '--full-tree', '--name-only', ref, '--', folder).split('\n').filter(Boolean)) {
  const target = path.join(old, path.relative(folder, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, execFileSync('git', ['show', `${ref}:${file}`], { cwd: root, maxBuffer: 256 * 1024 * 1024 }));
}

const after = checkContent(dir);
if (!after.content) {
  console.error(formatGrouped(after.problems, folder || '.'));
  process.exit(1);
}
const before = fs.existsSync(path.join(old, 'site.yaml')) ? checkContent(old).content : undefined;
const markdown = args.includes('--markdown');
const lines = describeDiff(before, after.content, resolveToday(after.content.site), markdown ? MARKDOWN : PLAIN);
console.log((markdown ? diffMarkdown(lines, ref) : diffText(lines, ref)).trimEnd());
fs.rmSync(old, { recursive: true, force: true });
