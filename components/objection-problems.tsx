import type { FieldProblem } from '@/lib/notify/objections/fields';
import { fieldId } from './objection-form';

/** `note`: a line about the whole form (a personal link that cannot be used), before the problems. */
type Props = { problems: FieldProblem[]; note?: string };

/** Why a form came back: announced at once, each problem a link to its field. */
export function ObjectionProblems({ problems, note }: Props) {
  return (
    <div role="alert" className="mt-4 rounded border-2 border-red-800 bg-red-50 p-3">
      <p className="font-semibold text-red-900">Your objection was not sent yet. Correct what is listed and send it again; what you typed is below.</p>
      <ul className="mt-2 list-disc pl-6">
        {note && <li>{note}</li>}
        {problems.map((problem) => (
          <li key={problem.field}>
            <a href={`#${fieldId(problem.field)}`}>{problem.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
