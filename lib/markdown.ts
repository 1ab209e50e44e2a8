import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { latin1Html } from './html';

// Content arrives through pull requests, so Markdown must never run code in a visitor's
// browser: raw HTML is dropped (remark-rehype), then the GitHub-style sanitiser removes
// anything dangerous that Markdown itself can express. Links may only be http(s), mailto
// or relative (in-page anchors); links to other sites open without access to this page.
const schema = { ...defaultSchema, protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['https'] } };

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return latin1Html(String(processor.processSync(markdown)));
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Replaces `{{name}}` with values; reports each unknown name with the line (0-based) it is on. */
export function fillPlaceholders(text: string, values: Record<string, string>): { text: string; unknown: { name: string; line: number }[] } {
  const unknown: { name: string; line: number }[] = [];
  const filled = text.replace(PLACEHOLDER, (match, name: string, offset: number) => {
    if (name in values) return values[name];
    unknown.push({ name, line: text.slice(0, offset).split('\n').length - 1 });
    return match;
  });
  return { text: filled, unknown };
}
