import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import type { Problem } from './problems';

/** A parsed content file: its data, its Markdown body, and a way to find the line of any field. */
export type Source = {
  file: string;
  data: unknown;
  body: string;
  /** Line of the file on which the Markdown body starts. */
  bodyLine: number;
  lineOf: (path: readonly PropertyKey[]) => number;
  /** YAML syntax errors; `data` is undefined when there are any. */
  problems: Problem[];
};

/** Editors on Windows add a byte-order mark and CRLF line endings; neither changes meaning. */
function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function parseYaml(file: string, raw: string): Source {
  return parse(file, normalise(raw), '', 1);
}

/**
 * A Markdown file with optional YAML front matter between `---` lines. Only YAML exists:
 * front matter is data, never code. (Libraries such as gray-matter also accept `---js`
 * and evaluate it; a pull request must never be able to run code, so the split is ours.)
 */
export function parseMarkdown(file: string, raw: string): Source & { hasFrontMatter: boolean } {
  const text = normalise(raw);
  const firstLine = text.slice(0, text.indexOf('\n') + 1 || text.length);
  const opening = firstLine.trimEnd();
  // Anything after the opening `---` but more dashes (a Markdown rule) is a language tag, e.g. `---js`.
  const tag = opening.startsWith('---') ? opening.slice(3).trim() : '';
  if (tag && !/^-+$/.test(tag)) {
    const source = parse(file, '', '', 1);
    source.problems.push({ severity: 'error', file, line: 1, field: 'file', message: `the front matter is marked as \`${tag.slice(0, 40)}\`, but only YAML front matter exists`, hint: 'Make the first line just `---`, with nothing after it, and write the fields in YAML.' });
    return { ...source, data: undefined, hasFrontMatter: true };
  }
  if (opening !== '---') return { ...parse(file, '', text, 1), hasFrontMatter: false };
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(firstLine.length - 1));
  if (!close) {
    const source = parse(file, '', '', 1);
    source.problems.push({ severity: 'error', file, line: 1, field: 'file', message: 'the front matter that starts on line 1 is never closed', hint: 'Add a line with just `---` after the last field.' });
    return { ...source, data: undefined, hasFrontMatter: true };
  }
  const end = firstLine.length - 1 + close.index;
  const bodyStart = end + close[0].length;
  // The front matter keeps its opening line (blank for YAML), so its line numbers are the file's.
  const yamlText = `\n${text.slice(firstLine.length, end + 1)}`;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  return { ...parse(file, yamlText, text.slice(bodyStart), bodyLine), hasFrontMatter: true };
}

function parse(file: string, yamlText: string, body: string, bodyLine: number): Source {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below in one pass: the parser's own check is quadratic.
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const line = (offset: number) => lineCounter.linePos(offset).line;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (offset: number, field: string, described: { message: string; hint: string }) => {
    // The parser can report one mistake more than once; say it once per line.
    const key = `${line(offset)} ${described.message}`;
    if (!seen.has(key)) problems.push({ severity: 'error', file, line: line(offset), field, ...described });
    seen.add(key);
  };
  for (const error of doc.errors) add(error.pos[0], 'syntax', describeYamlError(error.code, error.message));
  visit(doc, {
    Map(_, map) {
      const keys = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && keys.has(key)) add((pair.key as Node).range?.[0] ?? 0, 'syntax', describeYamlError('DUPLICATE_KEY', ''));
        if (key !== undefined) keys.add(key);
      }
    },
    // An alias repeats a value elsewhere in the file: a few lines can expand to billions of values.
    Alias(_, alias) {
      if (problems.some((problem) => problem.message.startsWith('uses a YAML alias'))) return visit.BREAK;
      add(alias.range?.[0] ?? 0, 'syntax', { message: `uses a YAML alias (\`*${alias.source.slice(0, 40)}\`)`, hint: 'Write the value out in full instead of using YAML anchors (`&`) and aliases (`*`).' });
    },
  });
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS();
    } catch (error) {
      problems.push({ severity: 'error', file, line: 1, field: 'syntax', message: `cannot be read as YAML (${(error as Error).message})`, hint: 'Simplify the file: one `field: value` per line.' });
    }
  }

  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: unknown = doc.contents;
    let offset = (node as Node | null)?.range?.[0] ?? 0;
    for (const key of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        next = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        next = node.items[key];
        offset = (next as Node).range?.[0] ?? offset;
      } else break;
      node = next;
    }
    return line(offset);
  };

  return { file, data, body, bodyLine, lineOf, problems };
}

function describeYamlError(code: string, message: string): { message: string; hint: string } {
  if (code === 'DUPLICATE_KEY') {
    return { message: 'the same field appears twice', hint: 'Keep one of the two lines and delete the other.' };
  }
  if (code === 'MULTIPLE_DOCS') {
    return { message: 'has `---` lines, which only a .md file uses', hint: 'In a .yaml file, delete the `---` lines; or rename the file to end in .md.' };
  }
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return {
    message: `this is not valid YAML: ${first}`,
    hint: 'Check the indentation (spaces, not tabs), that each field is `name: value` on its own line, and put values containing `: ` or `#` in quotes.',
  };
}
