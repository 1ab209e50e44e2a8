import matter from 'gray-matter';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
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

/** A Markdown file with optional YAML front matter between `---` lines. */
export function parseMarkdown(file: string, raw: string): Source & { hasFrontMatter: boolean } {
  const text = normalise(raw);
  // gray-matter only splits the file; the `yaml` package parses it so that every field keeps its line.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  const hasFrontMatter = /^---[ \t]*\n/.test(text) && split.content !== text;
  const bodyLine = text.slice(0, text.length - split.content.length).split('\n').length;
  // The front matter string starts right after the opening `---`, so its line numbers are the file's.
  const source = parse(file, hasFrontMatter ? split.matter : '', split.content, bodyLine);
  if (hasFrontMatter && !/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    source.problems.unshift({ severity: 'error', file, line: 1, field: 'file', message: 'the front matter that starts on line 1 is never closed', hint: 'Add a line with just `---` after the last field.' });
    source.data = undefined;
  }
  return { ...source, hasFrontMatter };
}

function parse(file: string, yamlText: string, body: string, bodyLine: number): Source {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const line = (offset: number) => lineCounter.linePos(offset).line;
  // The parser can report one mistake more than once; say it once per line.
  const errors = doc.errors.filter((error, index) => doc.errors.findIndex((other) => line(other.pos[0]) === line(error.pos[0]) && other.message === error.message) === index);
  const problems: Problem[] = errors.map((error) => ({
    severity: 'error',
    file,
    line: line(error.pos[0]),
    field: 'syntax',
    ...describeYamlError(error.code, error.message),
  }));
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // In practice: an alias "bomb", where a few lines expand to billions of values.
      problems.push({ severity: 'error', file, line: 1, field: 'syntax', message: `uses too many YAML aliases (${(error as Error).message})`, hint: 'Write the values out instead of using YAML anchors (`&`) and aliases (`*`).' });
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
