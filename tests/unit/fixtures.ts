import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent } from '@/lib/content/check';
import { formatProblem } from '@/lib/content/problems';

export const SITE = `company:
  name: Acme
url: https://acme.example
contact:
  privacy: privacy@acme.example
notice_period_days: 30
published: 2025-01-01
categories:
  - id: hosting
    title: Hosting
  - id: email
    title: Email
`;

/** A valid entry; line numbers in tests refer to this layout (line 1 is the opening `---`). */
export const ENTRY = `---
name: Acme Cloud
entity: Acme Cloud, Inc.
category: hosting
purpose: Hosting.
data:
  - Account data
locations:
  - country: US
history:
  - change: added
    announced: 2025-01-01
    effective: 2025-01-01
address: 1 Main Street, Springfield
contact: privacy@acme.example
links:
  dpa: https://acme.example/dpa
  subprocessors: https://acme.example/subprocessors
transfers: [SCCs]
---
`;

/** Writes a content folder (site.yaml defaults to SITE) into `dir`, by default a fresh temporary directory. */
export function writeContent(files: Record<string, string | Buffer>, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'))): string {
  for (const [name, text] of Object.entries({ 'site.yaml': SITE, ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The formatted problems for a content folder, with the temporary directory shown as `content`. */
export function problemsFor(files: Record<string, string | Buffer>): string[] {
  const dir = writeContent(files);
  const rel = path.relative(process.cwd(), dir);
  return checkContent(dir).problems.map((problem) => formatProblem(problem).replaceAll(rel, 'content'));
}

/** Replaces one line of ENTRY (or another text). */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture has no '${from}'`);
  return text.replace(from, to);
}
