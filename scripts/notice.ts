/**
 * `npm run notice -- <slug> [--markdown | --text]`: prints the customer notification for
 * the entry's upcoming change, as plain text and as Markdown (or only one of them).
 */
import { loadContent } from '../lib/content/load';
import { MARKDOWN } from '../lib/publish/formats';
import { noticeText } from '../lib/publish/notice';
import { resolveToday } from '../lib/content/today';

const args = process.argv.slice(2);
const slug = args.find((arg) => !arg.startsWith('--'));
if (!slug) {
  console.error('Usage: npm run notice -- <slug> [--markdown | --text]');
  process.exit(2);
}
const content = loadContent();
const today = resolveToday(content.site);
const [text, markdown] = [noticeText(content, slug, today), noticeText(content, slug, today, MARKDOWN)];
if (!text || !markdown) {
  const known = content.subprocessors.some((entry) => entry.slug === slug);
  console.error(known ? `${slug} has no change announced and still to take effect, nor an urgent one open to objection, on ${today}.` : `There is no subprocessor '${slug}'.`);
  process.exit(1);
}
if (args.includes('--markdown')) console.log(markdown);
else if (args.includes('--text')) console.log(text);
else console.log(`--- Plain text ---\n\n${text}\n\n--- Markdown ---\n\n${markdown}`);
