import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { describeIssue, fieldName } from './describe-issue';
import { checkMarkdown, markdown, type MarkdownIssue } from './markdown';
import { invalidUtf8, unsafeLines, unsafeValues } from './characters';
import { ContentError, type Problem } from './problems';
import { checkHistory, leftoverTodos, recommendations } from './rules';
import { scopeIssues } from './scopes';
import {
  plannedSchema,
  sectionSchema,
  siteSchema,
  SLUG,
  subprocessorSchema,
  historySchema,
  type Content,
  type PlannedSubprocessor,
  type Section,
  type Site,
  type Subprocessor,
} from './schema';
import { parseMarkdown, parseYaml, type Source } from './source';
import { resolveToday } from './today';
import type { IsoDate } from './dates';
import { closest } from './suggest';

export function contentDir(env: Record<string, string | undefined> = process.env): string {
  // Content is read at run time from this folder, not bundled: keep the tracer from pulling in the whole project.
  return path.resolve(/*turbopackIgnore: true*/ env.CONTENT_DIR || 'content');
}

const ENTRY_EXTENSIONS = ['.md', '.yaml', '.yml'];
/** Limits that keep any folder's check within seconds: far above what a real list needs. */
const MAX_FILE_BYTES = 512 * 1024;
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
const MAX_FILES = 5_000;
const MAX_PROBLEMS_PER_FILE = 50;
/** Pages under /subprocessors/ that an entry's slug or alias must not shadow. */
const RESERVED = ['changes', 'history', 'search', 'by-data', 'embed', 'annex', 'subscribe', 'unsubscribe'];
const PLACEHOLDERS = ['notice_period_days', 'objection_period_days', 'contact.privacy', 'contact.objections', 'company.name'];

/**
 * Reads and validates a whole content folder. Every problem in every file is
 * reported; the content is returned only when there is no error, so a mistake can
 * never publish a partial list.
 */
export function checkContent(dir: string, options: { today?: IsoDate } = {}): { content?: Content; problems: Problem[] } {
  const problems: Problem[] = [];
  // A file with thousands of mistakes (or one repeated) gets the first few and a count, not megabytes.
  const counts = new Map<string, number>();
  const full = (file: string) => {
    counts.set(file, (counts.get(file) ?? 0) + 1);
    return counts.get(file)! > MAX_PROBLEMS_PER_FILE;
  };
  const add = (problem: Problem) => full(problem.file) || problems.push(problem);
  const display = (file: string) => path.relative(process.cwd(), file) || file;
  const report = (source: Pick<Source, 'file' | 'lineOf'>, fieldPath: PropertyKey[], message: string, hint?: string, severity: Problem['severity'] = 'error') =>
    full(source.file) || problems.push({ severity, file: source.file, line: source.lineOf(fieldPath), field: fieldName(fieldPath), message, hint });
  const fileProblem = (file: string, message: string, hint?: string) => add({ severity: 'error', file: display(file), line: 1, field: 'file', message, hint });
  let totalBytes = 0;

  /** Parses `data` with `schema`, adding every issue as a located problem. */
  function validate<S extends z.ZodType>(source: Source, schema: S, data: unknown, skip = new Set<string>()): z.output<S> | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      for (const { path: fieldPath, message, hint } of describeIssue(issue, data, schema)) {
        if (!skip.has(fieldName(fieldPath))) report(source, fieldPath, message, hint);
      }
    }
    return undefined;
  }

  const realDir = fs.existsSync(dir) ? fs.realpathSync(dir) : dir;

  /**
   * Reads a file as text; binary files, links out of the folder, devices and the like are
   * problems, not crashes. Type and size are checked before a byte is read: a link to
   * /dev/zero or a named pipe must not hang the check.
   */
  function read(file: string): string | undefined {
    let real: string;
    try {
      // Only a symbolic link needs resolving (folders that are links are refused in list()).
      real = fs.lstatSync(file).isSymbolicLink() ? fs.realpathSync(file) : path.join(realDir, path.relative(dir, file));
    } catch (error) {
      fileProblem(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, 'Make it a plain text file, not a folder or a broken link.');
      return undefined;
    }
    if (!real.startsWith(realDir + path.sep)) {
      fileProblem(file, 'is a link to a file outside the content folder', 'Copy the content into this file instead of linking to it.');
      return undefined;
    }
    const stat = fs.statSync(real);
    if (!stat.isFile()) {
      fileProblem(file, `cannot be read (${stat.isDirectory() ? 'EISDIR' : 'not a regular file'})`, 'Make it a plain text file, not a folder, device or pipe.');
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) {
      fileProblem(file, `is too large (${Math.ceil(stat.size / 1024)} KB; the limit is ${MAX_FILE_BYTES / 1024} KB)`, 'A content file holds one subprocessor or one section; split long prose into several section files.');
      return undefined;
    }
    totalBytes += stat.size;
    if (totalBytes > MAX_TOTAL_BYTES) {
      fileProblem(file, `is past the limit of ${MAX_TOTAL_BYTES / 1024 / 1024} MB for the whole content folder`, 'Remove files that are not part of the list.');
      return undefined;
    }
    const buffer = fs.readFileSync(real);
    if (buffer.includes(0)) {
      fileProblem(file, 'is not a text file', 'Content files must be plain text (Markdown or YAML); remove this file or replace it.');
      return undefined;
    }
    const text = buffer.toString('utf8');
    const invalid = invalidUtf8(buffer, text);
    if (invalid) {
      add({ severity: 'error', file: display(file), line: invalid.line, field: 'file', message: `is not UTF-8 text (byte 0x${invalid.byte.toString(16).toUpperCase()} on line ${invalid.line})`, hint: 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8), then check the accented letters on that line.' });
      return undefined;
    }
    return text;
  }

  /** A file's parsed data, or undefined after reporting why there is none. */
  function load(file: string, parser: (file: string, text: string) => Source & { hasFrontMatter?: boolean }): Source | undefined {
    const text = read(file);
    if (text === undefined) return undefined;
    if (!text.replace(/^\uFEFF/, '').trim()) {
      fileProblem(file, 'is empty', 'Fill it in (`npm run new` starts a subprocessor file), or delete it.');
      return undefined;
    }
    let source: Source & { hasFrontMatter?: boolean };
    try {
      source = parser(display(file), text);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      fileProblem(file, 'is nested too deeply to be read', 'Write one `field: value` per line; lists and groups of fields only a few levels deep.');
      return undefined;
    }
    source.problems.forEach(add);
    if (source.problems.length) return undefined;
    for (const issue of unsafeValues(source.data)) report(source, issue.path, issue.message, issue.hint);
    for (const issue of unsafeLines(source.body, source.bodyLine)) add({ severity: 'error', file: source.file, field: 'text', ...issue });
    if (source.hasFrontMatter === false && path.basename(path.dirname(file)) === 'subprocessors') {
      fileProblem(file, 'has no front matter', 'Start the file with a line `---`, then the fields (`name: …`), then another line `---`.');
      return undefined;
    }
    if (source.data !== null && source.data !== undefined && (typeof source.data !== 'object' || Array.isArray(source.data))) {
      fileProblem(file, `must be a set of \`field: value\` lines, not ${Array.isArray(source.data) ? 'a list' : 'a single value'}`, 'Write one `field: value` per line, starting at the left margin.');
      return undefined;
    }
    return source;
  }

  function list(folder: string, allowed: string[], what: string): string[] {
    if (!fs.existsSync(folder)) return [];
    if (fs.lstatSync(folder).isSymbolicLink()) {
      fileProblem(folder, 'is a link to another folder', `Make ${path.basename(folder)}/ a real folder inside the content folder.`);
      return [];
    }
    const names = fs.readdirSync(folder).filter((name) => !name.startsWith('.'));
    if (names.length > MAX_FILES) {
      fileProblem(folder, `holds ${names.length} files; the limit is ${MAX_FILES}`, `Remove files that are not part of the list from ${display(folder)}.`);
      return [];
    }
    return names
      .sort()
      .flatMap((name) => {
        if (allowed.includes(path.extname(name))) return [path.join(folder, name)];
        fileProblem(path.join(folder, name), `is not a ${what} file, so it would not be published`, `Rename it to end in ${allowed.join(' or ')}, or move it out of ${display(folder)}.`);
        return [];
      });
  }

  if (!fs.existsSync(path.join(dir, 'site.yaml'))) {
    fileProblem(path.join(dir, 'site.yaml'), 'is missing', `Create site.yaml in ${display(dir)}, or set CONTENT_DIR to the content folder.`);
    return { problems };
  }
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('.') && !['site.yaml', 'sections', 'subprocessors', 'README.md'].includes(name)) {
      fileProblem(path.join(dir, name), 'is not part of the content format, so it would not be published', 'Subprocessors go in subprocessors/, prose in sections/; move or delete this file.');
    }
  }

  const siteSource = load(path.join(dir, 'site.yaml'), parseYaml);
  const site: Site | undefined = siteSource && validate(siteSource, siteSchema, siteSource.data ?? {});
  // Some rules depend on the date: what may be announced in the future, and publication itself.
  const today = options.today ?? (site ? resolveToday(site) : '');
  if (siteSource && site && site.published > today) {
    report(siteSource, ['published'], `is in the future (today is ${today}), so the list would be empty until then`, 'Set `published` to the day the list was, or is today, first published.');
  }
  const categories = (site?.categories ?? []).map((category, index) => {
    const rendered = category.description ? markdown(category.description, { prefix: `user-content-${category.id}-` }) : undefined;
    for (const issue of rendered?.issues ?? []) report(siteSource!, ['categories', index, 'description'], issue.message, issue.hint);
    return { ...category, descriptionHtml: rendered?.html };
  });
  /** Problems in Markdown that starts on line `first` of `file`. */
  const markdownProblems = (file: string, first: number, issues: MarkdownIssue[]) => issues.forEach((issue) => add({ severity: 'error', file, ...issue, line: first + issue.line - 1 }));

  const sections: Section[] = [];
  for (const file of list(path.join(dir, 'sections'), ['.md'], 'section')) {
    const source = load(file, parseMarkdown);
    const front = source && validate(source, sectionSchema, source.data ?? {});
    if (!source || !front) continue;
    const values: Record<string, string> = site
      ? {
          notice_period_days: String(site.notice_period_days),
          ...(site.objection_period_days !== undefined && { objection_period_days: String(site.objection_period_days) }),
          'contact.privacy': site.contact.privacy,
          'contact.objections': site.contact.objections,
          'company.name': site.company.name,
        }
      : Object.fromEntries(PLACEHOLDERS.map((name) => [name, '']));
    const rendered = markdown(source.body, { values, prefix: `user-content-${path.basename(file, '.md').replace(/[^\w-]/g, '')}-` });
    markdownProblems(source.file, source.bodyLine, rendered.issues);
    for (const { name, line: bodyLine } of rendered.unknown) {
      const line = bodyLine - 1;
      if (name === 'objection_period_days') {
        add({ severity: 'error', file: source.file, line: source.bodyLine + line, field: `{{${name}}}`, message: 'site.yaml sets no `objection_period_days`: customers may object until the day before each change takes effect', hint: 'Add `objection_period_days:` to site.yaml, or rephrase, e.g. "until the day before the change takes effect".' });
        continue;
      }
      const guess = closest(name, PLACEHOLDERS);
      add({ severity: 'error', file: source.file, line: source.bodyLine + line, field: `{{${name}}}`, message: `unknown placeholder${guess ? ` — did you mean \`{{${guess}}}\`?` : ''}`, hint: `Placeholders available: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.` });
    }
    sections.push({ ...front, file: source.file, html: rendered.html });
  }

  /** For an entry whose other fields have mistakes: the history rules too, so every problem shows at once. */
  function historyAlone(source: Source, data: Record<string, unknown>) {
    const history = 'planned' in data ? undefined : historySchema.safeParse(data.history);
    if (site && history?.success) for (const issue of checkHistory({ history: history.data }, site, today)) report(source, issue.path, issue.message, issue.hint, issue.severity);
  }

  const subprocessors: Subprocessor[] = [];
  const planned: PlannedSubprocessor[] = [];
  const sources = new Map<string, Source>();
  for (const file of list(path.join(dir, 'subprocessors'), ENTRY_EXTENSIONS, 'subprocessor')) {
    const slug = path.basename(file, path.extname(file));
    if (RESERVED.includes(slug)) {
      fileProblem(file, `'${slug}' is the address of another page (/subprocessors/${slug})`, `Rename the file, e.g. to \`${slug}-service${path.extname(file)}\`.`);
      continue;
    }
    if (!SLUG.test(slug)) {
      const fixed = slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      fileProblem(file, `the file name '${slug}' cannot be used in a web address`, `Rename the file to \`${fixed || 'name'}${path.extname(file)}\`: lowercase letters, digits and hyphens only.`);
    }
    const other = sources.get(slug);
    if (other) {
      fileProblem(file, `has the same name as ${other.file}, so both would be at /subprocessors/${slug}`, 'Delete one of the two files, or rename one.');
      continue;
    }
    const source = load(file, file.endsWith('.md') ? parseMarkdown : parseYaml);
    if (!source) continue;
    sources.set(slug, source);
    const data = (source.data ?? {}) as Record<string, unknown>;
    // Rendered only on the entry's own page: rendering a thousand notes on every load would be waste.
    const notes = source.body.trim() || undefined;
    if (notes) markdownProblems(source.file, source.bodyLine, checkMarkdown(source.body));
    const todos = leftoverTodos(data);
    for (const issue of todos) report(source, issue.path, issue.message, issue.hint);
    if (todos.length) {
      // Report the file's other mistakes too, but not a second time for the TODO fields.
      if (!validate(source, 'planned' in data ? plannedSchema : subprocessorSchema, data, new Set(todos.map((issue) => fieldName(issue.path))))) historyAlone(source, data);
      continue;
    }
    if ('planned' in data && 'history' in data) {
      report(source, ['planned'], 'a planned subprocessor has no history yet', 'Once it is announced, delete the `planned` line and keep `history`; until then, delete `history`.');
      continue;
    }
    const entry = 'planned' in data ? validate(source, plannedSchema, data) : validate(source, subprocessorSchema, data);
    if (!entry) {
      historyAlone(source, data);
      continue;
    }
    // The category now and, for updates, the one before must both exist, or the entry would vanish from a version.
    const categoryUses: [PropertyKey[], string][] = [[['category'], entry.category]];
    if ('history' in entry) entry.history.forEach((event, index) => event.previous?.category && categoryUses.push([['history', index, 'previous', 'category'], event.previous.category]));
    for (const [where, id] of site ? categoryUses : []) {
      const ids = site!.categories.map((category) => category.id);
      const retired = site!.categories.find((category) => category.id === id && category.retired);
      if (retired && where.length === 1 && ('planned' in entry || entry.history.at(-1)?.change !== 'removed')) {
        report(source, where, `'${id}' is a retired category, so the current list would not show this entry`, `Move it to a current category (${site!.categories.filter((category) => !category.retired).map((category) => category.id).join(', ')}), keeping \`previous: { category: ${id} }\` on the update that moves it.`);
      }
      if (ids.includes(id)) continue;
      const guess = closest(id, ids);
      report(source, where, `'${id}' is not a category in site.yaml${guess ? ` — did you mean \`${guess}\`?` : ''}`, `Use one of: ${ids.join(', ')}; or add the category to site.yaml.`);
    }
    if (site) for (const issue of scopeIssues(entry, site.scopes)) report(source, issue.path, issue.message, issue.hint);
    if ('history' in entry) {
      if (site) for (const issue of checkHistory(entry, site, today)) report(source, issue.path, issue.message, issue.hint, issue.severity);
      for (const issue of recommendations(entry)) report(source, issue.path, issue.message, issue.hint, 'warning');
      subprocessors.push({ ...entry, slug, file: source.file, notes });
    } else {
      planned.push({ ...entry, slug, file: source.file, notes });
    }
  }

  // Every address an entry answers to (its slug and former slugs) must lead to one entry only.
  const owners = new Map([...subprocessors, ...planned].map((entry) => [entry.slug, entry.slug]));
  for (const entry of subprocessors) {
    entry.aliases?.forEach((alias, index) => {
      const owner = owners.get(alias);
      if (RESERVED.includes(alias)) report(sources.get(entry.slug)!, ['aliases', index], `'${alias}' is the address of another page (/subprocessors/${alias})`, 'Delete this alias.');
      else if (owner) {
        report(sources.get(entry.slug)!, ['aliases', index], owner === entry.slug ? 'is this entry\'s own slug' : `'${alias}' is already used by ${sources.get(owner)!.file}`, 'Each former slug may point to one entry only; delete this alias or the other use.');
      }
      owners.set(alias, entry.slug);
    });
  }
  const names = new Map<string, Subprocessor>();
  for (const entry of subprocessors) {
    const first = names.get(entry.name.toLowerCase());
    if (first) report(sources.get(entry.slug)!, ['name'], `'${entry.name}' is also the name of ${first.file}`, 'Fine for two services of one company; otherwise make the names distinct so readers can tell them apart.', 'warning');
    else names.set(entry.name.toLowerCase(), entry);
  }

  for (const [file, count] of counts) {
    if (count > MAX_PROBLEMS_PER_FILE) problems.push({ severity: 'error', file, line: 1, field: 'file', message: `has ${count - MAX_PROBLEMS_PER_FILE} more problems than the ${MAX_PROBLEMS_PER_FILE} shown`, hint: 'Fix the problems above, then check again.' });
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  if (!site || problems.some((problem) => problem.severity === 'error')) return { problems };
  return { content: { site, categories, sections, subprocessors, planned }, problems };
}

/**
 * Kept on the process, not in this module: the server bundles this module once per route, and
 * each copy would read and check the whole folder again on its first request (1.4 s at 1,000
 * entries), which a visitor of a scope's page, rendered on first request, would wait for.
 */
const shared = globalThis as typeof globalThis & { subprocessorContent?: Map<string, Content> };
const cache = (shared.subprocessorContent ??= new Map<string, Content>());

/**
 * The validated content, read once per server process: pages re-render every few minutes
 * with a new date but the same content, and a running server keeps the version it started with.
 * Throws a ContentError listing every problem, so a build fails instead of publishing a partial list.
 */
export function loadContent(dir: string = contentDir()): Content {
  const cached = cache.get(dir);
  if (cached) return cached;
  const { content, problems } = checkContent(dir);
  if (!content) throw new ContentError(problems);
  if (process.env.NODE_ENV !== 'development') cache.set(dir, content);
  return content;
}
