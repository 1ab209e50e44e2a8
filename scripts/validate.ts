/**
 * `npm run validate [folder]`: checks a whole content folder and prints every problem,
 * then a count. Exit code 1 when there is any error; warnings alone pass.
 */
import { checkContent, contentDir } from '../lib/content';
import { countSummary, formatProblem } from '../lib/problems';

const dir = process.argv[2] ?? contentDir();
const { problems } = checkContent(dir);
for (const problem of problems) console.log(`${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem)}`);
console.log(`${problems.length ? '\n' : ''}${dir}: ${countSummary(problems)}`);
process.exitCode = problems.some((problem) => problem.severity === 'error') ? 1 : 0;
