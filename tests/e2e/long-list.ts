/**
 * `tsx tests/e2e/long-list.ts DIR`: the browser tests' 27-entry list, generated as the
 * benchmarks generate theirs (with three scopes), plus two announced changes not yet in effect,
 * so the top of the page holds all it can.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateContent } from '../../scripts/bench/generate';

const dir = generateContent(process.argv[2], 27, { scopes: true });
const announced = (change: string, extra: string) => `  - change: ${change}\n    announced: 2026-11-20\n    effective: 2026-12-21\n${extra}`;
const file = path.join(dir, 'subprocessors/vendor-2.md');
const [, front, notes] = fs.readFileSync(file, 'utf8').split('---\n');
fs.writeFileSync(file, `---\n${front}${announced('updated', '    summary: Moves to Canada.\n    previous:\n      locations: [{ country: US }]\n')}---\n${notes}`.replace(/locations:\n(\s+- country: \S+\n(\s+\w+: .*\n)*)+/, 'locations:\n  - country: CA\n'));
fs.writeFileSync(
  path.join(dir, 'subprocessors/newcomer.yaml'),
  `name: Newcomer Analytics\nentity: Newcomer Analytics GmbH\ncategory: analytics\npurpose: Product analytics for the web app.\ndata: [Usage logs]\nlocations: [{ country: DE }]\ntransfers: [SCCs]\nhistory:\n${announced('added', '    summary: Product analytics.\n')}`,
);
