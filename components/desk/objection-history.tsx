import type { Site } from '@/lib/content/schema';
import { deskTime } from '@/lib/notify/desk/format';
import { outcomeName, type DeskObjection } from '@/lib/notify/desk/objections';

type Props = { objection: DeskObjection; site: Site };

/** Who recorded a state: the site for the objection itself, the command, or a team member's address. */
const recorder = (by: string) => (by === 'site' ? 'the form on the site' : by === 'command' ? 'the objections command' : by);

/** Every state, oldest first: states are added, never changed, so a corrected outcome follows the one it corrects. */
export function ObjectionHistory({ objection, site }: Props) {
  const title = (index: number) => {
    const state = objection.states[index];
    if (state.state === 'received') return 'Received';
    const again = objection.states.slice(0, index).some((earlier) => earlier.state === 'resolved');
    return `${again ? 'New outcome' : 'Resolved'}: ${outcomeName(state.outcome)}`;
  };
  return (
    <section aria-labelledby="history" className="mt-8">
      <h2 id="history" className="text-xl font-semibold">History</h2>
      <p className="mt-1 max-w-2xl text-slate-700">Oldest first. Each state is kept as recorded; the last one is the current state.</p>
      <ol className="mt-3 space-y-3">
        {objection.states.map((state, index) => (
          <li key={state.id} className="rounded border border-slate-200 p-3">
            <p className="font-semibold">{title(index)}</p>
            <p>{deskTime(state.at, site.timezone)}, recorded by {recorder(state.by)}{state.state === 'resolved' && (state.notified ? '; the objector was e-mailed' : '; the objector was not e-mailed')}</p>
            {state.note && <p className="mt-1 whitespace-pre-wrap"><span className="text-slate-700">Note: </span>{state.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
