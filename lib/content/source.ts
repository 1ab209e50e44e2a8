import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Node, type Pair, type YAMLError } from 'yaml';
import { formatPath, type Problem } from './problems';

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
  /** Values a comment cut short: errors, but the file is still read so its other mistakes show too. */
  cuts: Problem[];
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
  for (const mistake of yamlMistakes(doc.errors, yamlText)) add(mistake.offset, 'syntax', mistake);
  const cuts: Problem[] = [];
  visit(doc, {
    Map(_, map, ancestors) {
      const keys = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && keys.has(key)) add((pair.key as Node).range?.[0] ?? 0, 'syntax', describeYamlError('DUPLICATE_KEY'));
        if (key !== undefined) keys.add(key);
        if (key !== undefined && TEXT_FIELDS.has(key)) commentCuts(pair, key, () => fieldPath([...ancestors, map]), yamlText, (offset, field, value) => cuts.push({ severity: 'error', file, line: line(offset), field, ...cutText(key, value) }));
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

  return { file, data, body, bodyLine, lineOf, problems, cuts: problems.length ? [] : cuts };
}

/** Fields whose value is prose: there, ` #` is far more likely meant as text than as a comment. Ids and dates are not. */
const TEXT_FIELDS = new Set(['name', 'legal_name', 'entity', 'address', 'contact', 'purpose', 'data', 'subjects', 'certifications', 'condition', 'detail', 'summary', 'reason', 'title', 'description', 'product', 'planned']);

/**
 * In YAML, ` #` starts a comment: `purpose: Support chat #1 priority` reads as "Support chat".
 * Reports each plain (unquoted) value of a text field, or item of its list, that a comment follows
 * on the same line. A comment on a line of its own is fine.
 */
function commentCuts(pair: Pair, key: string, where: () => PropertyKey[], text: string, report: (offset: number, field: string, value: string) => void) {
  const values = isSeq(pair.value) ? pair.value.items.map((item, index) => [item, index] as const) : [[pair.value, undefined] as const];
  for (const [node, index] of values) {
    if (!isScalar(node) || node.type !== Scalar.PLAIN || node.value === null || !node.range) continue;
    const rest = text.slice(node.range[1], text.indexOf('\n', node.range[1]) >>> 0);
    if (!/^[ \t]+#/.test(rest)) continue;
    const field = [...where(), key, ...(index === undefined ? [] : [index])];
    report(node.range[0], formatPath(field), `${text.slice(node.range[0], node.range[1])}${rest}`);
  }
}

/** The path of the map being visited, from the ancestors `visit` passes: keys of pairs, indexes in lists. */
function fieldPath(ancestors: readonly unknown[]): PropertyKey[] {
  const path: PropertyKey[] = [];
  ancestors.forEach((node, index) => {
    const child = ancestors[index + 1];
    if (isScalar((node as Pair).key) && 'value' in (node as object)) path.push(String((node as Pair<Scalar>).key.value));
    else if (isSeq(node) && child) path.push(node.items.indexOf(child as never));
  });
  return path;
}

function cutText(key: string, line: string): { message: string; hint: string } {
  const shown = line.length > 80 ? `${line.slice(0, 80)}…` : line;
  return {
    message: `the text after \` #\` is read as a comment and left out: '${shown}' would be published as '${line.slice(0, line.search(/[ \t]+#/))}'`,
    // A long value is not echoed cut short: a fix copied from here must not lose text either.
    hint: `Put the value in quotes if the rest belongs to it (${line === shown ? `\`"${line.replace(/"/g, '\\"')}"\`` : `a \`"\` after \`${key}: \` and another at the end of the line`}); if it is a note, move it to a line of its own above \`${key}\`.`,
  };
}

function describeYamlError(code: string): { message: string; hint: string } {
  if (code === 'DUPLICATE_KEY') {
    return { message: 'the same field appears twice', hint: 'Keep one of the two lines and delete the other.' };
  }
  if (code === 'MULTIPLE_DOCS') {
    return { message: 'has `---` lines, which only a .md file uses', hint: 'In a .yaml file, delete the `---` lines; or rename the file to end in .md.' };
  }
  return { message: 'this line cannot be read as `field: value`', hint: GENERAL_HINT };
}

const GENERAL_HINT = 'Check the indentation (spaces, not tabs), that each field is `name: value` on its own line, and put values containing `: ` or ` #` in quotes.';

/**
 * The parser's errors as the mistakes a person made: one message per mistake, in plain words, on
 * the line to change. The parser often reports one mistake two or three times, and an indentation
 * mistake on the line before it (where the value it swallows starts).
 */
function yamlMistakes(errors: readonly YAMLError[], text: string): { offset: number; message: string; hint: string }[] {
  const groups: YAMLError[][] = [];
  for (const error of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const last = groups.at(-1);
    if (last && error.pos[0] <= Math.max(...last.map((other) => other.pos[1]))) last.push(error);
    else groups.push([error]);
  }
  return groups.map((group) => describeMistake(group, text));
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const lineAt = (text: string, offset: number) => text.slice(lineStart(text, offset), text.indexOf('\n', offset) >>> 0);

/** The start of the last line before `offset` that `test` accepts, or `offset`. */
function lineBefore(text: string, offset: number, test: (line: string) => boolean): number {
  for (let start = lineStart(text, offset); start > 0; start = lineStart(text, start - 1)) if (test(lineAt(text, start))) return start;
  return test(lineAt(text, 0)) ? 0 : offset;
}

function describeMistake(group: YAMLError[], text: string): { offset: number; message: string; hint: string } {
  const find = (code: string, words = '') => group.find((error) => error.code === code && error.message.includes(words));
  const first = group[0];
  const tab = find('TAB_AS_INDENT');
  if (tab) return { offset: tab.pos[0], message: 'this line is indented with a tab', hint: 'Indent with spaces only, two for each level.' };
  const item = find('BLOCK_AS_IMPLICIT_KEY', 'sequence');
  if (item) return { offset: item.pos[0], message: 'this list item is not lined up with the items above it', hint: 'Start every `- ` of one list at the same column.' };
  const swallowed = find('MULTILINE_IMPLICIT_KEY');
  if (swallowed) {
    return {
      offset: lineStart(text, swallowed.pos[1]),
      message: 'this line is indented further than the field above it, so it is read as part of that value',
      hint: 'Start it at the same column as the field above; if it is the rest of the text above, put the whole value in quotes.',
    };
  }
  const colon = find('BLOCK_AS_IMPLICIT_KEY');
  if (colon) {
    const line = lineAt(text, colon.pos[0]);
    const split = /^(\s*(?:- )?[^:]+:\s+)(.*)$/.exec(line);
    const example = split ? ` (\`${split[1].trim()} "${split[2].replace(/"/g, '\\"')}"\`)` : '';
    return { offset: colon.pos[0], message: 'the value contains `: `, which reads as the start of another field', hint: `Put the whole value in quotes${example}.` };
  }
  if (find('MISSING_CHAR', 'quote')) {
    // The line where a quoted value starts and its quote mark appears an odd number of times.
    const opened = lineBefore(text, first.pos[0], (line) => {
      const mark = /(?:^|:\s+|-\s+)(["'])/.exec(line)?.[1];
      return mark !== undefined && line.split(mark).length % 2 === 0;
    });
    return { offset: opened, message: 'a value opened with a quote mark is never closed', hint: 'End the value with the same quote mark on the same line, e.g. `name: "Acme"`, or delete the opening one.' };
  }
  const flow = group.find((error) => /Flow (sequence|map)/.test(error.message));
  if (flow) {
    const [open, close] = flow.message.includes('map') ? ['{', '}'] : ['[', ']'];
    const opened = lineBefore(text, flow.pos[0], (line) => line.includes(open) && !line.includes(close));
    return { offset: opened, message: `a list in \`${open} ${close}\` is not closed on its line`, hint: `Close it with \`${close}\` on the same line, e.g. \`transfers: [SCCs, DPF]\`; if the brackets belong to the text, put the whole value in quotes.` };
  }
  if (find('BAD_INDENT') || find('MISSING_CHAR', 'Sequence item')) {
    return { offset: first.pos[0], message: 'this line is not lined up with the lines around it', hint: 'Fields of one group start at the same column; a field inside another is indented two spaces further than the line that opens the group.' };
  }
  return { offset: first.pos[0], ...describeYamlError(first.code) };
}
