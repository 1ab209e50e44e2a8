import path from 'node:path';
import type { z } from 'zod';
import { describeIssue, fieldName } from './describe-issue';
import type { Problem } from './problems';
import type { Source } from './source';

/** A file with thousands of mistakes (or one repeated) gets the first few and a count, not megabytes. */
const MAX_PROBLEMS_PER_FILE = 50;

/** A file's path as the legal team sees it in the repository: relative to the working directory. */
export const displayPath = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * Where every pass of the check puts what it finds, located by file, line and field. Nothing
 * stops at the first problem: the legal team sees every mistake of a pull request at once.
 */
export function problemCollector() {
  const problems: Problem[] = [];
  const counts = new Map<string, number>();
  const full = (file: string) => {
    counts.set(file, (counts.get(file) ?? 0) + 1);
    return counts.get(file)! > MAX_PROBLEMS_PER_FILE;
  };
  const add = (problem: Problem) => full(problem.file) || problems.push(problem);
  const report = (source: Pick<Source, 'file' | 'lineOf'>, fieldPath: PropertyKey[], message: string, hint?: string, severity: Problem['severity'] = 'error') =>
    full(source.file) || problems.push({ severity, file: source.file, line: source.lineOf(fieldPath), field: fieldName(fieldPath), message, hint });

  return {
    add,
    report,
    /** A problem with a whole file (or folder), on its first line. */
    fileProblem: (file: string, message: string, hint?: string) => add({ severity: 'error', file: displayPath(file), line: 1, field: 'file', message, hint }),

    /** Parses `data` with `schema`, adding every issue as a located problem; `skip` names fields already reported. */
    validate<S extends z.ZodType>(source: Source, schema: S, data: unknown, skip = new Set<string>()): z.output<S> | undefined {
      const result = schema.safeParse(data);
      if (result.success) return result.data;
      for (const issue of result.error.issues) {
        for (const { path: fieldPath, message, hint } of describeIssue(issue, data, schema)) {
          if (!skip.has(fieldName(fieldPath))) report(source, fieldPath, message, hint);
        }
      }
      return undefined;
    },

    hasErrors: () => problems.some((problem) => problem.severity === 'error'),

    /** Every problem in file and line order, errors before warnings on a line, with a count for each file past the limit. */
    sorted(): Problem[] {
      const all = [...problems];
      for (const [file, count] of counts) {
        if (count > MAX_PROBLEMS_PER_FILE) all.push({ severity: 'error', file, line: 1, field: 'file', message: `has ${count - MAX_PROBLEMS_PER_FILE} more problems than the ${MAX_PROBLEMS_PER_FILE} shown`, hint: 'Fix the problems above, then check again.' });
      }
      return all.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    },
  };
}

export type Collector = ReturnType<typeof problemCollector>;
