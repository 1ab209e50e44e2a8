import type { RuleIssue } from './rules';
import type { DescribingFields, Location, Scope, Subprocessor } from './schema';
import { entryStates, type EntryState } from './states';
import { closest } from './suggest';

/** Whether something limited to `scopes` (none: everywhere) applies in `scope`. */
export const appliesIn = (scopes: readonly string[] | undefined, scope: string) => !scopes || scopes.includes(scope);

/**
 * Scope mistakes in one entry: ids that site.yaml does not name (with "did you mean") or that
 * are listed twice, a location limited to a scope the entry does not apply to, and a scope the
 * entry applies to with none of its locations, now or in any former state recorded under `previous`.
 */
export function scopeIssues(entry: DescribingFields & { history?: Subprocessor['history'] }, scopes: readonly Scope[] | undefined): RuleIssue[] {
  const ids = (scopes ?? []).map((scope) => scope.id);
  const issues: RuleIssue[] = [];
  const known = (values: readonly string[] | null | undefined, path: PropertyKey[]) =>
    values?.forEach((id, index) => {
      if (values.indexOf(id) < index) issues.push({ path: [...path, index], message: `'${id}' is listed twice`, hint: 'Delete one of the two.' });
      if (ids.includes(id) || values.indexOf(id) < index) return;
      const guess = closest(id, ids);
      issues.push({
        path: [...path, index],
        message: ids.length ? `'${id}' is not a scope in site.yaml${guess ? ` — did you mean \`${guess}\`?` : ''}` : `'${id}' is a scope, but site.yaml has no \`scopes\``,
        hint: ids.length ? `Use one of: ${ids.join(', ')}; or add the scope to site.yaml.` : 'Add `scopes:` to site.yaml (see the editing guide), or delete this line.',
      });
    });
  const references = (fields: DescribingFields | undefined, path: PropertyKey[]) => {
    known(fields?.scopes, [...path, 'scopes']);
    fields?.locations?.forEach((location: Location, index) => known(location.scopes, [...path, 'locations', index, 'scopes']));
  };
  references(entry, []);
  entry.history?.forEach((event, index) => references(event.previous as DescribingFields | undefined, ['history', index, 'previous']));
  if (issues.length || !ids.length || !entry.locations) return issues;

  const states = entry.history ? entryStates(entry as Subprocessor) : [entry as EntryState];
  states.forEach((state, index) => {
    const current = index === states.length - 1;
    // A former state is reported on the update that recorded it, under `previous`, unless that left these fields as they were.
    const next = states[index + 1];
    if (!current && state.scopes === next.scopes && state.locations === next.locations) return;
    const before = current ? '' : ' before this update';
    state.locations.forEach((location, place) => {
      const outside = location.scopes?.find((id) => !appliesIn(state.scopes, id));
      if (!outside) return;
      issues.push({
        path: current ? ['locations', place, 'scopes'] : ['history', index + 1, 'previous'],
        message: `'${outside}' is not one of the entry's scopes (${state.scopes!.join(', ')})${before}`,
        hint: current ? `Add \`${outside}\` to the entry's \`scopes\`, or remove it here.` : `Under \`previous\`, copy the \`locations\` as they were before this update (without the one for ${outside}), or correct the former \`scopes\`.`,
      });
    });
    const missing = ids.find((id) => appliesIn(state.scopes, id) && !state.locations.some((location) => appliesIn(location.scopes, id)));
    if (!missing) return;
    issues.push({
      path: current ? ['locations'] : ['history', index + 1, 'previous'],
      message: `applies in scope '${missing}'${before}, but none of its locations does`,
      hint: `Add a location for ${missing} (\`scopes: [${missing}]\`, or none for every scope), or leave \`${missing}\` out of the entry's \`scopes\`.`,
    });
  });
  return issues;
}
