import { countSummary, formatProblem, visible, type Problem } from './problems';

/** ANSI colours, used only when writing to a terminal. */
const paint = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const plain = (text: string) => text;

/**
 * The validate report, like a linter's: problems grouped by file, each as
 * `path:line: field: message` with its fix, then the count.
 */
export function formatGrouped(problems: readonly Problem[], where: string, color = false): string {
  const [red, yellow, dim, bold] = color ? [paint(31), paint(33), paint(2), paint(1)] : [plain, plain, plain, plain];
  const isError = (problem: Problem) => problem.severity === 'error';
  // Errors stop the build: their files come first, and in each file they come before the warnings.
  const all = [...new Set(problems.map((problem) => problem.file))];
  const failing = all.filter((file) => problems.some((problem) => problem.file === file && isError(problem)));
  const files = [...failing, ...all.filter((file) => !failing.includes(file))];
  const groups = files.map((file) => {
    const own = problems.filter((problem) => problem.file === file);
    const lines = [...own.filter(isError), ...own.filter((problem) => !isError(problem))].map((problem) => {
      const [head, fix] = formatProblem(problem).split('\n');
      return `  ${isError(problem) ? red(head) : yellow(head)}${fix ? `\n  ${dim(fix)}` : ''}`;
    });
    return `${bold(visible(file))} (${countSummary(own)})\n${lines.join('\n')}`;
  });
  const named = failing.slice(0, 10).map(visible).join(', ') + (failing.length > 10 ? ` and ${failing.length - 10} more` : '');
  const summary = `${where}: ${countSummary(problems)}${problems.length ? ` in ${files.length} ${files.length === 1 ? 'file' : 'files'}` : ''}${failing.length ? `; errors in ${named}` : ''}`;
  return [...groups, (failing.length ? red : problems.length ? yellow : plain)(summary)].join('\n\n');
}

// Workflow commands need %, CR and LF escaped, and property values also : and ,.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations, so each problem shows on its line of the pull request. */
export function githubAnnotations(problems: readonly Problem[]): string {
  return problems
    .map((problem) => {
      const properties = `file=${escapeProperty(visible(problem.file))},line=${problem.line},title=${escapeProperty(visible(problem.field))}`;
      return `::${problem.severity} ${properties}::${escapeData(problem.hint ? `${visible(problem.message)}\nFix: ${visible(problem.hint)}` : visible(problem.message))}`;
    })
    .join('\n');
}
