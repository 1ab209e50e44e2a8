/** One thing wrong (or worth fixing) in the content, located for the person who wrote it. */
export type Problem = {
  severity: 'error' | 'warning';
  /** Path relative to the working directory, as the legal team sees it in the repository. */
  file: string;
  line: number;
  /** The field in the file, e.g. `locations[0].country`; `file` or `syntax` for the whole file. */
  field: string;
  message: string;
  /** How to fix it, in the author's terms. */
  hint?: string;
};

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/**
 * Messages quote the content, which may hold control characters: written to a terminal or a
 * CI log, an escape sequence could recolour, hide or rewrite the lines around it. Shown as `<U+001B>`.
 */
export function visible(text: string): string {
  return text.replace(/[\0-\x1F\x7F-\x9F\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, (character) => `<U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

export function formatProblem(problem: Problem): string {
  const head = `${problem.severity === 'warning' ? 'warning: ' : ''}${visible(problem.file)}:${problem.line}: ${visible(problem.field)}: ${visible(problem.message)}`;
  return problem.hint ? `${head}\n    fix: ${visible(problem.hint)}` : head;
}

export function countSummary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Thrown by the loader so that a build, or a page render, stops with every problem listed. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n')}\n\nThe content is invalid: ${countSummary(problems)}`);
    this.name = 'ContentError';
  }
}
