import { OUTCOMES } from '@/lib/notify/objections';
import { NOTE_LIMIT, OUTCOME_LABELS, outcomeName, type DeskObjection } from '@/lib/notify/desk/objections';
import { href } from '@/lib/publish/urls';

type Props = { objection: DeskObjection; error?: string };

const ERRORS: Record<string, string> = {
  outcome: 'Choose an outcome.',
  note: 'Write a note: the objector reads it with the outcome.',
  long: `The note is too long: at most ${NOTE_LIMIT.toLocaleString('en-US')} characters.`,
};

/**
 * Records an outcome. On an objection already resolved it says so and records a new outcome
 * after the current one, which stays in the history.
 */
export function ResolveForm({ objection, error }: Props) {
  const current = objection.open ? undefined : objection.states.at(-1);
  return (
    <section id="resolve" aria-labelledby="resolve-heading" className="mt-10 scroll-mt-4">
      <h2 id="resolve-heading" className="text-xl font-semibold">{current ? 'Record a new outcome' : 'Resolve'}</h2>
      <p className="mt-2 max-w-2xl">
        {current
          ? `This objection is already resolved (${outcomeName(current.outcome)}). A new outcome, for example a correction, is added to the history after the current one, which stays on record, and becomes the current state.`
          : 'Record what became of this objection.'}{' '}
        The objector is e-mailed the outcome and your note, unless you tick the box below. Your address is recorded with it.
      </p>
      {error && ERRORS[error] && <p role="alert" className="mt-3 font-medium text-red-800">{ERRORS[error]}</p>}
      <form method="post" action={href(`/desk/objections/${objection.reference}`)} className="mt-4 max-w-2xl space-y-4">
        <fieldset>
          <legend className="font-medium">Outcome</legend>
          <div className="mt-1 space-y-1">
            {OUTCOMES.map((outcome) => (
              <label key={outcome} className="flex min-h-11 items-start gap-2 py-1">
                <input type="radio" name="outcome" value={outcome} required className="mt-1 h-5 w-5 shrink-0" />
                <span><strong className="font-semibold">{OUTCOME_LABELS[outcome].name}</strong>: {OUTCOME_LABELS[outcome].meaning}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor="note" className="flex flex-col font-medium">
          Note (the objector reads it)
          <textarea id="note" name="note" required maxLength={NOTE_LIMIT} rows={5} className="mt-1 w-full rounded border border-slate-400 p-2 font-normal" />
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" name="quiet" value="yes" className="h-5 w-5" />
          Don&apos;t e-mail the objector
        </label>
        <button type="submit" className="h-11 rounded bg-slate-900 px-4 font-medium text-white">{current ? 'Record the new outcome' : 'Resolve the objection'}</button>
      </form>
    </section>
  );
}
