import type { RuleIssue } from './rules';

/**
 * Characters no published text may contain: C0 and C1 control characters (tab and line feed
 * aside), which make the Atom feed unparseable and reach CSV, JSON and terminals; the
 * bidirectional embeddings, overrides and isolates, which make a name display in another
 * order than it is stored ("Cloudflare" that is really "eralfduolC"); invisible spaces that
 * make two names look alike; and code points that are not characters at all.
 */
const UNSAFE = /[\0-\x08\x0B-\x1F\x7F-\x9F\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** Fields whose text may run over several lines; every other field is one line. */
const PROSE = new Set(['purpose', 'summary', 'reason', 'condition', 'description', 'address']);

function describe(character: string): string {
  const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/[\u202A-\u202E\u2066-\u2069]/.test(character)) return `the invisible character ${code}, which changes the order in which the text is displayed`;
  if (/[\uD800-\uDFFF\uFFFE\uFFFF]/u.test(character)) return `${code}, which is not a character`;
  return `the invisible control character ${code}`;
}

const HINT = 'Delete it: retype the text around it by hand (it often comes with text copied from a PDF or a chat).';

/** The first unsafe character in `text`, described, if there is one. */
export function unsafeCharacter(text: string): string | undefined {
  const match = UNSAFE.exec(text);
  return match ? describe(match[0]) : undefined;
}

/** Every text value in parsed front matter or YAML holding a character it must not. */
export function unsafeValues(data: unknown, path: PropertyKey[] = [], depth = 0): RuleIssue[] {
  if (typeof data === 'string') {
    const found = unsafeCharacter(data);
    if (found) return [{ path, message: `contains ${found}`, hint: HINT }];
    const key = path.findLast((part) => typeof part === 'string');
    // U+2028 and U+2029 are line breaks too: in HTML, e-mail and feeds they start a new line.
    if (!PROSE.has(String(key)) && /[\n\t\u2028\u2029]/.test(data.trim())) {
      return [{ path, message: `must be on one line, but has a ${/[\n\u2028\u2029]/.test(data.trim()) ? 'line break' : 'tab'}`, hint: 'Join the lines; longer explanations belong in the notes below the front matter.' }];
    }
    return [];
  }
  // Content is a few levels deep; deeper data is refused elsewhere and need not be searched.
  if (depth > 20 || data === null || typeof data !== 'object') return [];
  const entries = Array.isArray(data) ? data.map((item, index) => [index, item] as const) : Object.entries(data);
  return entries.flatMap(([key, value]) => unsafeValues(value, [...path, key], depth + 1));
}

/** Lines (1-based, from `firstLine`) of Markdown text holding an unsafe character. */
export function unsafeLines(text: string, firstLine: number): { line: number; message: string; hint: string }[] {
  if (!UNSAFE.test(text)) return [];
  return text.split('\n').flatMap((line, index) => {
    const found = unsafeCharacter(line);
    return found ? [{ line: firstLine + index, message: `contains ${found}`, hint: HINT }] : [];
  });
}

/**
 * Where a file stops being UTF-8, if it does: a Latin-1 or Windows-1252 file would otherwise be
 * published with replacement characters (U+FFFD) where its accented letters were.
 */
export function invalidUtf8(buffer: Buffer, text: string): { line: number; byte: number } | undefined {
  let bytes = 0;
  let checked = 0;
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) {
    bytes += Buffer.byteLength(text.slice(checked, index));
    checked = index;
    // A real U+FFFD in the file is three bytes, EF BF BD; anything else is an invalid byte.
    if (buffer[bytes] !== 0xef || buffer[bytes + 1] !== 0xbf || buffer[bytes + 2] !== 0xbd) {
      return { line: text.slice(0, index).split('\n').length, byte: buffer[bytes] };
    }
  }
  return undefined;
}
