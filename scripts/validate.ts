/**
 * `npm run validate [folder]`: checks a whole content folder and prints every problem,
 * grouped by file, then a count. Exit code 1 when there is any error; warnings alone pass.
 * Under GitHub Actions it also prints annotations that show on the pull request's lines.
 */
import path from 'node:path';
import { contentDir } from '../lib/content/load';
import { checkContent } from '../lib/content/check';
import { formatGrouped, githubAnnotations } from '../lib/content/report';

const dir = path.resolve(process.argv[2] ?? contentDir());
const { problems } = checkContent(dir);
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
console.log(formatGrouped(problems, path.relative(process.cwd(), dir) || '.', color));
if (process.env.GITHUB_ACTIONS === 'true' && problems.length) console.log(githubAnnotations(problems));
process.exitCode = problems.some((problem) => problem.severity === 'error') ? 1 : 0;
