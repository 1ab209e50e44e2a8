import type { DescribingFields, Subprocessor } from './schema';

/** An entry's details at one point of its history. */
export type EntryState = DescribingFields & Pick<Subprocessor, 'name' | 'locations'>;

/** The entry's details in effect after each event (index by index): the file's values, walked back through `previous`. */
export function entryStates(entry: Subprocessor): EntryState[] {
  const states: EntryState[] = [];
  let fields: EntryState = { ...entry };
  for (let index = entry.history.length - 1; index >= 0; index--) {
    states[index] = fields;
    const event = entry.history[index];
    if (!event.previous || event.change === 'removed') continue;
    fields = { ...fields, ...event.previous } as EntryState;
    // `null` in `previous` records a field that was not set before.
    for (const [key, value] of Object.entries(event.previous)) if (value === null) delete fields[key as keyof EntryState];
  }
  return states;
}
