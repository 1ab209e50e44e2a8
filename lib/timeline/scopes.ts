import { canonicalJson } from './fingerprint';
import { DESCRIBING_FIELDS, type ChangeEvent, type Content, type DescribingFields, type PlannedSubprocessor, type Scope, type Site, type Subprocessor } from '../content/schema';
import { appliesIn } from '../content/scope-rules';
import { entryStates, type EntryState } from '../content/states';

/**
 * Scopes (SPEC §8): one content folder, several lists. The list of a scope is the same content
 * with each entry's history rewritten as that scope saw it, so every page, export and notice
 * is built by the same functions as the full list:
 * - an entry counts in a scope while its `scopes` (as of that time, `previous` included) name
 *   it, or name none; its locations are those limited to that scope or to none;
 * - joining a scope (an update that adds it to `scopes`) is an addition there, leaving it a removal;
 * - an update that changes nothing a scope's customers see (a location of another scope) is not
 *   a change there at all.
 */

/** `object` without `key`. */
function omit<T extends object, K extends keyof T>(object: T, key: K): Omit<T, K> {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

/** What a customer of `scope` sees of these details: the locations there, no scope labels. */
function project<T extends DescribingFields>(fields: T, scope: string): T {
  const rest = omit(fields, 'scopes');
  if (!fields.locations) return rest as T;
  const locations = fields.locations.filter((location) => appliesIn(location.scopes, scope)).map((location) => omit(location, 'scopes'));
  return { ...rest, locations } as T;
}

/** The former values of the fields that differ between two states, as `previous` records them. */
function difference(before: EntryState, after: EntryState): ChangeEvent['previous'] {
  const fields = DESCRIBING_FIELDS.filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field]));
  return fields.length ? (Object.fromEntries(fields.map((field) => [field, before[field] ?? null])) as ChangeEvent['previous']) : undefined;
}

/** The entry as `scope` saw it, or undefined if it never applied there. */
export function scopedEntry(entry: Subprocessor, scope: string): Subprocessor | undefined {
  const states = entryStates(entry);
  const history: ChangeEvent[] = [];
  let shown: EntryState | undefined; // the details last shown in the scope
  let listed = false;
  entry.history.forEach((event, index) => {
    const state = project(states[index], scope);
    const inScope = event.change !== 'removed' && appliesIn(states[index].scopes, scope);
    const facts = omit(event, 'previous');
    if (inScope && !listed) history.push({ ...facts, change: 'added', ...(shown && { previous: difference(shown, state) ?? {} }) });
    else if (!inScope && listed) history.push({ ...facts, change: 'removed' });
    else if (inScope && event.change === 'updated' && !event.previous) history.push(event); // what it changed was not recorded
    else if (inScope) {
      const previous = difference(shown!, state);
      // An update that changes no field at all (`previous: {}`: its summary says what changed) concerns every scope.
      if (previous || !difference(states[index - 1], states[index])) history.push({ ...facts, change: 'updated', previous: previous ?? {} });
    }
    if (inScope) shown = state;
    listed = inScope;
  });
  if (!shown) return undefined;
  // The whole entry as it last stood there (entryStates), without a field it gained after leaving the scope.
  return { ...shown, history } as Subprocessor;
}

const scoped = new WeakMap<Content, Map<string, Content>>();

/** The content as one scope's list; the same object for the same content and scope. Undefined for an unknown scope. */
export function scopedContent(content: Content, id: string): Content | undefined {
  const scope = content.site.scopes?.find((candidate) => candidate.id === id);
  if (!scope) return undefined;
  let byScope = scoped.get(content);
  if (!byScope) scoped.set(content, (byScope = new Map()));
  let result = byScope.get(id);
  if (!result) {
    const planned = content.planned.filter((entry) => appliesIn(entry.scopes, id)).map((entry) => project(entry, id) as PlannedSubprocessor);
    const subprocessors = content.subprocessors.flatMap((entry) => scopedEntry(entry, id) ?? []);
    result = { ...content, subprocessors, planned, scope };
    byScope.set(id, result);
  }
  return result;
}

/** Each scope's title by its id, to name scopes on the page and in notices. */
export const scopeTitleMap = (scopes: readonly Scope[] | undefined): ReadonlyMap<string, string> => new Map(scopes?.map((scope) => [scope.id, scope.title]));

/** The titles of the scopes something limited to `ids` applies in, in site.yaml's order; none when it applies in all. */
export function scopeTitles(site: Pick<Site, 'scopes'>, ids: readonly string[] | undefined): string[] {
  if (!ids || !site.scopes) return [];
  return site.scopes.filter((scope) => ids.includes(scope.id)).map((scope) => scope.title);
}
