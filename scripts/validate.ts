/**
 * `npm run validate [folder]`: checks a whole content folder and prints every problem,
 * then a count. Exit code 1 when there is any error; warnings alone pass.
 */
import path from 'node:path';
import { checkContent, contentDir } from '../lib/content';
import { formatReport } from '../lib/problems';

const dir = path.resolve(process.argv[2] ?? contentDir());
const { problems } = checkContent(dir);
console.log(formatReport(problems, path.relative(process.cwd(), dir) || '.'));
process.exitCode = problems.some((problem) => problem.severity === 'error') ? 1 : 0;
