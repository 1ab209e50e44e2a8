import path from 'node:path';
import { problemCollector, type Collector } from './collector';
import { fieldName } from './describe-issue';
import { contentFiles, type ContentFiles } from './files';
import { checkMarkdown, markdown, type MarkdownIssue } from './markdown';
import type { Problem } from './problems';
import { checkHistory, leftoverTodos, plannedIssues, recommendations, titlesForIds } from './rules';
import { scopeIssues } from './scope-rules';
import { historyDatesSchema, plannedSchema, sectionSchema, siteSchema, SLUG, subprocessorSchema, type Content, type PlannedSubprocessor, type Section, type Site, type Subprocessor } from './schema';
import { parseMarkdown, parseYaml, type Source } from './source';
import { closest } from './suggest';
import { resolveToday } from './today';
import type { IsoDate } from './dates';

const ENTRY_EXTENSIONS = ['.md', '.yaml', '.yml'];
/** Pages under /subprocessors/ that an entry's slug or alias must not shadow. */
const RESERVED = ['changes', 'history', 'search', 'by-data', 'embed', 'annex', 'subscribe', 'unsubscribe', 'object'];
const PLACEHOLDERS = ['notice_period_days', 'objection_period_days', 'contact.privacy', 'contact.objections', 'company.name'];

/** What every pass works with: the files, where problems go, the site (when valid) and the date rules depend on. */
type Pass = { files: ContentFiles; collect: Collector; site?: Site; today: IsoDate };
type Entry = Subprocessor | PlannedSubprocessor;

/**
 * Reads and validates a whole content folder, in passes: read the files → parse site.yaml
 * and the sections → parse and check each entry (its references, then its history rules) →
 * check across files. Every problem in every file is reported; the content is returned only
 * when there is no error, so a mistake can never publish a partial list.
 */
export function checkContent(dir: string, options: { today?: IsoDate } = {}): { content?: Content; problems: Problem[] } {
  const collect = problemCollector();
  const files = contentFiles(dir, collect);
  if (!files.checkLayout()) return { problems: collect.sorted() };
  const { site, siteSource } = parseSite(files, collect, dir);
  // Some rules depend on the date: what may be announced in the future, and publication itself.
  const pass: Pass = { files, collect, site, today: options.today ?? (site ? resolveToday(site) : '') };
  if (siteSource && site && site.published > pass.today) {
    collect.report(siteSource, ['published'], `is in the future (today is ${pass.today}), so the list would be empty until then`, 'Set `published` to the day the list was, or is today, first published.');
  }
  const categories = renderCategories(pass, siteSource);
  const sections = parseSections(pass, dir);
  const entries = parseEntries(pass, dir);
  checkAcrossFiles(pass, entries);

  const problems = collect.sorted();
  if (!site || problems.some((problem) => problem.severity === 'error')) return { problems };
  const subprocessors = entries.flatMap(({ entry }) => ('history' in entry ? [entry] : []));
  const planned = entries.flatMap(({ entry }) => ('planned' in entry ? [entry] : []));
  return { content: { site, categories, sections, subprocessors, planned }, problems };
}

function parseSite(files: ContentFiles, collect: Collector, dir: string) {
  const siteSource = files.load(path.join(dir, 'site.yaml'), parseYaml);
  const site: Site | undefined = siteSource && collect.validate(siteSource, siteSchema, siteSource.data ?? {});
  return { site, siteSource };
}

/** Category descriptions are Markdown: rendered once here, their mistakes reported on site.yaml. */
function renderCategories({ site, collect }: Pass, siteSource: Source | undefined) {
  return (site?.categories ?? []).map((category, index) => {
    const rendered = category.description ? markdown(category.description, { prefix: `user-content-${category.id}-` }) : undefined;
    for (const issue of rendered?.issues ?? []) collect.report(siteSource!, ['categories', index, 'description'], issue.message, issue.hint);
    return { ...category, descriptionHtml: rendered?.html };
  });
}

/** Problems in Markdown that starts on line `first` of `file`. */
const markdownProblems = (collect: Collector, file: string, first: number, issues: MarkdownIssue[]) => issues.forEach((issue) => collect.add({ severity: 'error', file, ...issue, line: first + issue.line - 1 }));

/** The values of the placeholders prose may use, from site.yaml; empty when site.yaml is invalid. */
function placeholderValues(site: Site | undefined): Record<string, string> {
  if (!site) return Object.fromEntries(PLACEHOLDERS.map((name) => [name, '']));
  return {
    notice_period_days: String(site.notice_period_days),
    ...(site.objection_period_days !== undefined && { objection_period_days: String(site.objection_period_days) }),
    'contact.privacy': site.contact.privacy,
    'contact.objections': site.contact.objections,
    'company.name': site.company.name,
  };
}

/** The prose sections, rendered with the placeholders filled in; an unknown placeholder is an error. */
function parseSections({ files, collect, site }: Pass, dir: string): Section[] {
  const sections: Section[] = [];
  for (const file of files.list(path.join(dir, 'sections'), ['.md'], 'section')) {
    const source = files.load(file, parseMarkdown);
    const front = source && collect.validate(source, sectionSchema, source.data ?? {});
    if (!source || !front) continue;
    const rendered = markdown(source.body, { values: placeholderValues(site), prefix: `user-content-${path.basename(file, '.md').replace(/[^\w-]/g, '')}-` });
    markdownProblems(collect, source.file, source.bodyLine, rendered.issues);
    // One report and one guess per name and line: a file may repeat a placeholder thousands of times.
    const guesses = new Map<string, string | undefined>();
    const reported = new Set<string>();
    for (const { name, line: bodyLine } of rendered.unknown) {
      const line = source.bodyLine + bodyLine - 1;
      if (reported.has(`${line} ${name}`)) continue;
      reported.add(`${line} ${name}`);
      if (name === 'objection_period_days') {
        collect.add({ severity: 'error', file: source.file, line, field: `{{${name}}}`, message: 'site.yaml sets no `objection_period_days`: customers may object until the day before each change takes effect', hint: 'Add `objection_period_days:` to site.yaml, or rephrase, e.g. "until the day before the change takes effect".' });
        continue;
      }
      if (!guesses.has(name)) guesses.set(name, closest(name, PLACEHOLDERS));
      const guess = guesses.get(name);
      collect.add({ severity: 'error', file: source.file, line, field: `{{${name}}}`, message: `unknown placeholder${guess ? ` — did you mean \`{{${guess}}}\`?` : ''}`, hint: `Placeholders available: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.` });
    }
    sections.push({ ...front, file: source.file, html: rendered.html });
  }
  return sections;
}

/** Every entry file, each parsed and checked; the valid ones with the source their problems point into. */
function parseEntries(pass: Pass, dir: string): { entry: Entry; source: Source }[] {
  const entries: { entry: Entry; source: Source }[] = [];
  const sources = new Map<string, Source>();
  for (const file of pass.files.list(path.join(dir, 'subprocessors'), ENTRY_EXTENSIONS, 'subprocessor')) {
    const slug = path.basename(file, path.extname(file));
    if (!checkSlug(pass, file, slug, sources.get(slug))) continue;
    const source = pass.files.load(file, file.endsWith('.md') ? parseMarkdown : parseYaml);
    if (!source) continue;
    sources.set(slug, source);
    const entry = parseEntry(pass, source, slug);
    if (!entry) continue;
    checkReferences(pass, source, entry);
    if ('history' in entry) checkEntryHistory(pass, source, entry);
    else for (const issue of plannedIssues(entry, pass.today)) pass.collect.report(source, issue.path, issue.message, issue.hint, 'warning');
    entries.push({ entry, source });
  }
  return entries;
}

/** Whether the file name can be the entry's address; false when the file must not be read at all. */
function checkSlug({ collect }: Pass, file: string, slug: string, other: Source | undefined): boolean {
  if (RESERVED.includes(slug)) {
    collect.fileProblem(file, `'${slug}' is the address of another page (/subprocessors/${slug})`, `Rename the file, e.g. to \`${slug}-service${path.extname(file)}\`.`);
    return false;
  }
  if (!SLUG.test(slug)) {
    const fixed = slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    collect.fileProblem(file, `the file name '${slug}' cannot be used in a web address`, `Rename the file to \`${fixed || 'name'}${path.extname(file)}\`: lowercase letters, digits and hyphens only.`);
  }
  if (!other) return true;
  collect.fileProblem(file, `has the same name as ${other.file}, so both would be at /subprocessors/${slug}`, 'Delete one of the two files, or rename one.');
  return false;
}

/** The entry a file describes, or undefined after reporting every mistake in it (its history rules too, so all show at once). */
function parseEntry(pass: Pass, source: Source, slug: string): Entry | undefined {
  const { collect } = pass;
  const data = (source.data ?? {}) as Record<string, unknown>;
  // Rendered only on the entry's own page: rendering a thousand notes on every load would be waste.
  const notes = source.body.trim() || undefined;
  if (notes) markdownProblems(collect, source.file, source.bodyLine, checkMarkdown(source.body));
  const schema = 'planned' in data ? plannedSchema : subprocessorSchema;
  const todos = [...leftoverTodos(data), ...(pass.site ? titlesForIds(data, pass.site) : [])];
  for (const issue of todos) collect.report(source, issue.path, issue.message, issue.hint);
  if (todos.length) {
    // Report the file's other mistakes too, but not a second time for the TODO fields or ids written as titles.
    if (!collect.validate(source, schema, data, new Set(todos.map((issue) => fieldName(issue.path))))) historyAlone(pass, source, data);
    return undefined;
  }
  if ('planned' in data && 'history' in data) {
    collect.report(source, ['planned'], 'a planned subprocessor has no history yet', 'Once it is announced, delete the `planned` line and keep `history`; until then, delete `history`.');
    return undefined;
  }
  const entry = collect.validate(source, schema, data);
  if (!entry) historyAlone(pass, source, data);
  return entry && { ...entry, slug, file: source.file, notes };
}

/** For an entry whose other fields have mistakes: the history rules too, so every problem shows at once. */
function historyAlone({ collect, site, today }: Pass, source: Source, data: Record<string, unknown>) {
  const history = 'planned' in data ? undefined : historyDatesSchema.safeParse(data.history);
  if (site && history?.success) for (const issue of checkHistory({ history: history.data }, site, today)) collect.report(source, issue.path, issue.message, issue.hint, issue.severity);
}

/** The category now and, for updates, the one before must both exist, or the entry would vanish from a version; scopes must be site.yaml's. */
function checkReferences({ collect, site }: Pass, source: Source, entry: Entry) {
  if (!site) return;
  const uses: [PropertyKey[], string][] = [[['category'], entry.category]];
  if ('history' in entry) entry.history.forEach((event, index) => event.previous?.category && uses.push([['history', index, 'previous', 'category'], event.previous.category]));
  const ids = site.categories.map((category) => category.id);
  for (const [where, id] of uses) {
    const retired = site.categories.find((category) => category.id === id && category.retired);
    if (retired && where.length === 1 && ('planned' in entry || entry.history.at(-1)?.change !== 'removed')) {
      collect.report(source, where, `'${id}' is a retired category, so the current list would not show this entry`, `Move it to a current category (${site.categories.filter((category) => !category.retired).map((category) => category.id).join(', ')}), keeping \`previous: { category: ${id} }\` on the update that moves it.`);
    }
    if (ids.includes(id)) continue;
    const guess = closest(id, ids);
    collect.report(source, where, `'${id}' is not a category in site.yaml${guess ? ` — did you mean \`${guess}\`?` : ''}`, `Use one of: ${ids.join(', ')}; or add the category to site.yaml.`);
  }
  for (const issue of scopeIssues(entry, site.scopes)) collect.report(source, issue.path, issue.message, issue.hint);
}

/** The history rules (order, notice periods, urgent reasons) and the recommendations for a listed entry. */
function checkEntryHistory({ collect, site, today }: Pass, source: Source, entry: Subprocessor) {
  if (site) for (const issue of checkHistory(entry, site, today)) collect.report(source, issue.path, issue.message, issue.hint, issue.severity);
  for (const issue of recommendations(entry)) collect.report(source, issue.path, issue.message, issue.hint, 'warning');
}

/** Every address an entry answers to (its slug and former slugs) must lead to one entry only; names should differ. */
function checkAcrossFiles({ collect }: Pass, entries: { entry: Entry; source: Source }[]) {
  const owners = new Map(entries.map(({ entry, source }) => [entry.slug, source]));
  for (const { entry, source } of entries) {
    if (!('history' in entry)) continue;
    entry.aliases?.forEach((alias, index) => {
      const owner = owners.get(alias);
      if (RESERVED.includes(alias)) collect.report(source, ['aliases', index], `'${alias}' is the address of another page (/subprocessors/${alias})`, 'Delete this alias.');
      else if (owner) collect.report(source, ['aliases', index], owner === source ? "is this entry's own slug" : `'${alias}' is already used by ${owner.file}`, 'Each former slug may point to one entry only; delete this alias or the other use.');
      owners.set(alias, source);
    });
  }
  const names = new Map<string, Subprocessor>();
  for (const { entry, source } of entries) {
    if (!('history' in entry)) continue;
    const first = names.get(entry.name.toLowerCase());
    if (first) collect.report(source, ['name'], `'${entry.name}' is also the name of ${first.file}`, 'Fine for two services of one company; otherwise make the names distinct so readers can tell them apart.', 'warning');
    else names.set(entry.name.toLowerCase(), entry);
  }
}
