import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * lib/ is grouped by the stage the data goes through, and imports run one way:
 * content (read and check) → timeline (dates, scopes) → publish (views, exports, formats);
 * notify may use all three, the page edge at the top of lib/ too; nothing in lib/ but notify
 * itself uses notify. See docs/architecture.md.
 */
const ALLOWED: Record<string, string[]> = {
  content: ['content'],
  timeline: ['content', 'timeline'],
  publish: ['content', 'timeline', 'publish'],
  edge: ['content', 'timeline', 'publish', 'edge'],
  notify: ['content', 'timeline', 'publish', 'notify'],
};
const root = path.resolve(__dirname, '../..');
const lib = path.join(root, 'lib');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts)$/.test(item.name) ? [full] : [];
  });
}

/** The group of a file in lib/: its folder, or `edge` for the files at the top. */
function groupOf(file: string): string | undefined {
  const relative = path.relative(lib, file);
  if (relative.startsWith('..')) return undefined;
  const parts = relative.split(path.sep);
  return parts.length === 1 ? 'edge' : parts[0];
}

/** The files an import of `from` names, resolved as TypeScript does for `@/` and relative paths. */
function importsOf(from: string): { target: string; line: number }[] {
  const text = fs.readFileSync(from, 'utf8');
  return ts.preProcessFile(text, true, true).importedFiles.flatMap(({ fileName, pos }) => {
    const base = fileName.startsWith('@/') ? path.join(root, fileName.slice(2)) : fileName.startsWith('.') ? path.resolve(path.dirname(from), fileName) : undefined;
    if (!base) return [];
    const target = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
    return target ? [{ target, line: text.slice(0, pos).split('\n').length }] : [];
  });
}

/** Every import that runs against the stages, as `file:line imports target`. */
function backwardImports(files: readonly string[]): string[] {
  return files.flatMap((file) =>
    importsOf(file).flatMap(({ target, line }) => {
      const to = groupOf(target);
      if (!to) return [];
      const from = groupOf(file);
      const allowed = from ? ALLOWED[from].includes(to) : to !== 'notify' || !/^(proxy|next\.config)\.ts$/.test(path.relative(root, file));
      return allowed ? [] : [`${path.relative(root, file)}:${line} imports ${path.relative(root, target)}`];
    }),
  );
}

/** Functions (declarations, arrows, methods) in a file longer than `limit` lines. */
function longFunctions(file: string, limit: number): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (last - first + 1 > limit) found.push(`${path.relative(root, file)}:${first + 1} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const project = ['lib', 'app', 'components', 'scripts'].flatMap((dir) => sourceFiles(path.join(root, dir))).concat(['proxy.ts', 'instrumentation.ts', 'next.config.ts'].map((file) => path.join(root, file)));

describe('the layout of lib/', () => {
  it('has its stages as folders and few files at the top', () => {
    const top = fs.readdirSync(lib, { withFileTypes: true });
    expect(top.filter((item) => item.isDirectory()).map((item) => item.name).sort()).toEqual(['content', 'notify', 'publish', 'timeline']);
    expect(top.filter((item) => item.isFile()).length).toBeLessThanOrEqual(12);
  });

  it('imports run one way: content → timeline → publish, and only notify, routes and commands use notify', () => {
    expect(backwardImports(project)).toEqual([]);
  });

  it('reports an import that runs backwards, with its file and line', () => {
    const dir = fs.mkdtempSync(path.join(lib, 'content', '.layers-'));
    const file = path.join(dir, '..', `${path.basename(dir)}.ts`);
    try {
      fs.writeFileSync(file, "import type { IsoDate } from './dates';\nimport { listAsOf } from '../timeline/timeline';\n");
      expect(backwardImports([file])).toEqual([`lib/content/${path.basename(file)}:2 imports lib/timeline/timeline.ts`]);
      fs.writeFileSync(file, "import { database } from '@/lib/notify/db';\n");
      expect(backwardImports([file])).toEqual([`lib/content/${path.basename(file)}:1 imports lib/notify/db.ts`]);
    } finally {
      fs.rmSync(file, { force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps proxy.ts and next.config.ts, which run on every request and at build, off notify', () => {
    const imports = (file: string) => importsOf(path.join(root, file)).map(({ target }) => groupOf(target));
    expect(imports('proxy.ts')).not.toContain('notify');
    expect(imports('next.config.ts')).not.toContain('notify');
    expect(imports('instrumentation.ts')).toContain('notify');
  });

  it('has no function longer than 120 lines', () => {
    expect(sourceFiles(lib).flatMap((file) => longFunctions(file, 120))).toEqual([]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'layers-')), 'long.ts');
    fs.writeFileSync(file, `export const short = () => 1;\nexport function long() {\n${'  void 0;\n'.repeat(119)}}\n`);
    expect(longFunctions(file, 120)).toEqual([`${path.relative(root, file)}:2 (121 lines)`]);
  });
});
