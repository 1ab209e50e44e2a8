import type { Element, Root as HastRoot } from 'hast';
import type { Nodes, Parent, Root, Text } from 'mdast';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { latin1Html } from './html';

// Content arrives through pull requests, so Markdown must never run code in a visitor's
// browser nor tell a third party who reads it: raw HTML is dropped (remark-rehype), then the
// GitHub-style sanitiser removes anything dangerous that Markdown itself can express. Links
// may only be http(s), mailto or relative; links to other sites open without access to this
// page. Images may only come from this site (no tracking pixels), and a mailto link may only
// pre-fill the subject (no hidden `bcc` or body).

export type MarkdownIssue = { line: number; field: string; message: string; hint: string };

const PLACEHOLDER = /\{\{\s*([\w.]{1,40})\s*\}\}/g;

const external = (url: string) => /^[a-z][a-z0-9+.-]*:|^\/\/|^\\\\/i.test(url.trim());

/** Ids are prefixed per document, so two sections' footnotes never share one; in-page links follow. */
function localLinks(prefix: string) {
  return (tree: HastRoot) => {
    const ids = new Set<string>();
    const anchors: Element[] = [];
    const walk = (node: HastRoot | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (typeof child.properties.id === 'string') ids.add(child.properties.id);
        if (child.tagName === 'a' && typeof child.properties.href === 'string' && child.properties.href.startsWith('#')) anchors.push(child);
        walk(child);
      }
    };
    walk(tree);
    for (const anchor of anchors) {
      const target = prefix + String(anchor.properties.href).slice(1);
      if (ids.has(target)) anchor.properties.href = `#${target}`;
    }
  };
}

const processors = new Map<string, ReturnType<typeof makeProcessor>>();
function processorFor(prefix = 'user-content-') {
  if (!processors.has(prefix)) processors.set(prefix, makeProcessor(prefix));
  return processors.get(prefix)!;
}

function makeProcessor(prefix: string) {
  const schema = { ...defaultSchema, clobberPrefix: prefix, protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: [] } };
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { clobberPrefix: '' })
    .use(rehypeSanitize, schema)
    .use(localLinks, prefix)
    .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
    .use(rehypeStringify);
}

type Found = { issues: MarkdownIssue[]; unknown: { name: string; line: number }[] };

/**
 * Fills `{{placeholders}}` as plain text (a company name is never read as Markdown), and
 * removes what may not be published, reporting each with its line.
 */
function prepare(tree: Root, values: Record<string, string> | undefined, found: Found): void {
  const lineOf = (node: Nodes) => node.position?.start.line ?? 1;
  /** The line of each offset in `text`, asked for in increasing order: one pass over the text, however many placeholders. */
  const linesIn = (node: Nodes, text: string) => {
    let counted = 0;
    let line = lineOf(node);
    return (offset: number) => {
      for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++;
      return line;
    };
  };
  const fill = (text: string, node: Nodes, encode: (value: string) => string) => {
    const lineAt = linesIn(node, text);
    return text.replace(PLACEHOLDER, (match, name: string, offset: number) => {
      if (values && Object.hasOwn(values, name)) return encode(values[name]);
      if (values) found.unknown.push({ name, line: lineAt(offset) });
      return match;
    });
  };
  const definitions = new Map<string, string>();
  const collect = (node: Nodes) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if ('children' in node) node.children.forEach(collect);
  };
  /** A text node with its placeholders filled: plain text, or an e-mail link outside other links. */
  const fillText = (node: Text, inLink: boolean): Nodes[] => {
    const parts: Nodes[] = [];
    const lineAt = linesIn(node, node.value);
    let last = 0;
    for (const match of node.value.matchAll(PLACEHOLDER)) {
      const name = match[1];
      if (!Object.hasOwn(values!, name)) {
        found.unknown.push({ name, line: lineAt(match.index) });
        continue;
      }
      const value = values![name];
      parts.push({ type: 'text', value: node.value.slice(last, match.index) });
      const text: Text = { type: 'text', value };
      parts.push(name.startsWith('contact.') && !inLink ? { type: 'link', url: `mailto:${value}`, children: [text] } : text);
      last = match.index + match[0].length;
    }
    return last === 0 ? [node] : [...parts, { type: 'text', value: node.value.slice(last) }];
  };
  const visit = (node: Nodes, inLink = false) => {
    if ('children' in node) {
      const within = inLink || node.type === 'link' || node.type === 'linkReference';
      (node as Parent).children = (node.children as Nodes[]).flatMap((child) => {
        if (child.type === 'text' && values) return fillText(child, within);
        visit(child, within);
        return [child];
      }) as Parent['children'];
    }
    if (node.type === 'link' || node.type === 'definition') {
      node.url = fill(node.url, node, encodeURI);
      checkMailto(node, lineOf(node), found.issues);
    }
    const image = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
    if (image !== undefined && external(image)) {
      found.issues.push({ line: lineOf(node), field: 'image', message: 'shows an image from another site, which would tell that site who reads this page', hint: 'Put the image in the public/ folder and use its path (`/diagram.png`), or link to it instead: remove the `!` before `[`.' });
      replaceWithText(node, 'alt' in node ? (node.alt ?? '') : '');
    }
  };
  collect(tree);
  visit(tree);
}

function replaceWithText(node: Nodes, value: string): void {
  const record = node as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) if (key !== 'position') delete record[key];
  Object.assign(record, { type: 'text', value });
}

function checkMailto(node: { url: string }, line: number, issues: MarkdownIssue[]): void {
  if (!/^mailto:/i.test(node.url.trim())) return;
  const [address, query = ''] = node.url.split('?', 2);
  const params = new URLSearchParams(query);
  const others = [...params.keys()].filter((key) => key.toLowerCase() !== 'subject');
  if (others.length === 0) return;
  issues.push({ line, field: 'link', message: `the e-mail link sets \`${others[0].slice(0, 20)}\`, which a reader does not see before sending`, hint: 'A mailto link may only pre-fill the subject (`?subject=…`); remove the other parts.' });
  const subject = params.get('subject');
  node.url = subject === null ? address : `${address}?subject=${encodeURIComponent(subject)}`;
}

/** Markdown as safe HTML, what in it could not be published as written, and unknown placeholders. */
export function markdown(text: string, options: { values?: Record<string, string>; prefix?: string } = {}): Found & { html: string } {
  const processor = processorFor(options.prefix);
  const found: Found = { issues: [], unknown: [] };
  const tree = processor.parse(text);
  prepare(tree, options.values, found);
  return { html: latin1Html(processor.stringify(processor.runSync(tree))), ...found };
}

export function renderMarkdown(text: string, prefix?: string): string {
  return markdown(text, { prefix }).html;
}

/** Problems in Markdown that is rendered later (an entry's notes), without rendering it. */
export function checkMarkdown(text: string): MarkdownIssue[] {
  // Only an image (`![`) or an e-mail link (perhaps spelt with character references, `&#58;`)
  // can be refused: most notes need no parsing at all.
  if (!/!\[|mailto|&/i.test(text)) return [];
  const found: Found = { issues: [], unknown: [] };
  prepare(processorFor().parse(text), undefined, found);
  return found.issues;
}
