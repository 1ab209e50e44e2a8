import type { DeskObjection } from '@/lib/notify/desk/objections';
import { outcomeName } from '@/lib/notify/desk/objections';

type Props = { objection: Pick<DeskObjection, 'states' | 'open'> };

/** The current state in words: "Open", or "Resolved: Alternative agreed". */
export function ObjectionState({ objection }: Props) {
  if (objection.open) return <strong className="font-semibold text-amber-900">Open</strong>;
  return <>Resolved: {outcomeName(objection.states.at(-1)?.outcome)}</>;
}
