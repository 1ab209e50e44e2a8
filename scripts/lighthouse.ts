/**
 * `npm run lighthouse`: builds the site for the sample content and for 1,000 generated
 * subprocessors, serves each with `next start` and audits it with Lighthouse (mobile, its
 * default throttling) in Chromium, three times per page. Prints a table of the median run's
 * scores and, for every category below its threshold, the audits that lost points; exits 1 if
 * any threshold is missed.
 */
import { chromium } from '@playwright/test';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateContent } from './bench/generate';
import { chromiumPath } from './chromium';
import { startNext, stop, waitFor } from './server';

const ROOT = process.cwd();
const PORT = 3230;
const DIST = '.next-lighthouse';
const RUNS = 3;
const CATEGORIES = { performance: 'Performance', accessibility: 'Accessibility', 'best-practices': 'Best practices', seo: 'SEO' };
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));

type Target = { name: string; content: () => string; pages: { name: string; path: string; performance: number }[] };
const TARGETS: Target[] = [
  {
    name: 'sample content',
    content: () => path.join(ROOT, 'content'),
    pages: [
      { name: 'sample `/subprocessors`', path: '/subprocessors', performance: 95 },
      { name: 'sample `/subprocessors/digitalocean`', path: '/subprocessors/digitalocean', performance: 95 },
    ],
  },
  {
    name: '1,000 generated subprocessors',
    content: () => generateContent(path.join(work, 'content-1000'), 1000),
    pages: [{ name: '`/subprocessors`, 1,000 entries', path: '/subprocessors', performance: 90 }],
  },
];

const servers = new Set<ChildProcess>();
let chrome: LaunchedChrome | undefined;

// Whatever happens, leave no server, browser or temporary folder behind.
process.on('exit', () => {
  for (const server of servers) {
    try {
      stop(server);
    } catch {
      // already gone
    }
  }
  chrome?.kill();
  fs.rmSync(work, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

const env = (contentDir: string) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', SUBPROCESSORS_TODAY: '2026-11-23', CONTENT_DIR: contentDir, NEXT_DIST_DIR: DIST });

function build(contentDir: string) {
  fs.rmSync(path.join(ROOT, DIST), { recursive: true, force: true });
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: ROOT, env: env(contentDir), stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
}

type Row = { page: string; cells: string[]; failed: boolean; reasons: string[]; runs: string; benchmark: number };

/** One page's scores, with the audits that lost points in every category below its threshold. */
async function audit(page: Target['pages'][number], chromePort: number): Promise<Row> {
  // Imported when needed, so that Node loads Lighthouse as it ships: tsx would compile a static
  // import and wrap the functions that Lighthouse runs inside the page in a `__name` helper
  // that the page does not have.
  const { default: lighthouse } = await import('lighthouse');
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
  // Performance varies from run to run, more so on a busy machine: keep the median of three.
  // A run that fails to record its trace, as happens now and then, is run again.
  const runs = [];
  for (let attempt = 0; runs.length < RUNS; attempt++) {
    const lhr = (await lighthouse(`http://localhost:${PORT}${page.path}`, { port: chromePort, output: 'json', logLevel: 'error', onlyCategories: Object.keys(CATEGORIES) }))?.lhr;
    if (lhr && !lhr.runtimeError) {
      runs.push(lhr);
      continue;
    }
    const error = lhr?.runtimeError?.message ?? 'no result';
    if (attempt >= RUNS + 2) throw new Error(`Lighthouse could not audit ${page.path}: ${error}`);
    console.log(`  run again: ${error}`);
  }
  const { categories, audits, environment } = computeMedianRun(runs);
  const perRun = runs.map((run) => Math.round((run.categories.performance.score ?? 0) * 100)).join(', ');
  const row: Row = { page: page.name, cells: [], failed: false, reasons: [], runs: perRun, benchmark: environment.benchmarkIndex };
  for (const id of Object.keys(CATEGORIES)) {
    const category = categories[id];
    const score = category.score === null ? null : Math.round(category.score * 100);
    const ok = score !== null && score >= (id === 'performance' ? page.performance : 100);
    row.cells.push(`${score ?? '–'}${ok ? '' : ' ✗'}`);
    if (ok) continue;
    row.failed = true;
    for (const ref of category.auditRefs) {
      const { title, score: auditScore, displayValue } = audits[ref.id];
      if (auditScore !== null && auditScore < 1) row.reasons.push(`${page.name}, ${category.title}: ${title}${displayValue ? ` (${displayValue})` : ''}`);
    }
  }
  return row;
}

async function main() {
  const executable = chromiumPath();
  if (executable === null) {
    console.error('Lighthouse needs Chromium, and none was found. Install it with:\n  sudo apt-get install -y chromium');
    process.exit(1);
  }
  chrome = await launch({ chromePath: executable ?? chromium.executablePath(), chromeFlags: CHROME_FLAGS });

  const rows: Row[] = [];
  for (const target of TARGETS) {
    console.log(`Building for ${target.name}…`);
    const contentDir = target.content();
    build(contentDir);
    const server = startNext(ROOT, PORT, env(contentDir));
    servers.add(server);
    await waitFor(PORT);
    for (const page of target.pages) {
      console.log(`Auditing ${page.name}…`);
      await fetch(`http://localhost:${PORT}${page.path}`); // the first request after start-up is not the one measured
      rows.push(await audit(page, chrome.port));
    }
    stop(server);
    servers.delete(server);
  }

  console.log(`\n| page | ${Object.values(CATEGORIES).join(' | ')} | performance of each run | CPU benchmark index |\n|---|---|---|---|---|---|---|`);
  for (const row of rows) console.log(`| ${row.page} | ${row.cells.join(' | ')} | ${row.runs} | ${Math.round(row.benchmark)} |`);
  console.log('\nScores of the median run (by first paint and time to interactive) of three. Thresholds: performance ≥ 95 (≥ 90 for 1,000 entries); accessibility, best practices and SEO 100.');
  const reasons = rows.flatMap((row) => row.reasons);
  if (reasons.length) console.log(`\nAudits that lost points in those categories:\n${reasons.map((reason) => `- ${reason}`).join('\n')}`);
  if (rows.some((row) => row.failed)) process.exit(1);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
