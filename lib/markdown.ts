import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Raw HTML in the Markdown is dropped by remark-rehype, and sanitising removes anything
// that could still run in a visitor's browser: content arrives through pull requests.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
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
