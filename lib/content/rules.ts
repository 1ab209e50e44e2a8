import { ADEQUACY, EEA } from './adequacy';
import { locationName } from './countries';
import { addDays, daysBetween, type IsoDate } from './dates';
import type { DescribingFields, Site, Subprocessor } from './schema';

export type RuleIssue = { path: PropertyKey[]; message: string; hint: string; severity?: 'warning' };

/** The history rules of the content format, for one entry whose fields are already valid. */
export function checkHistory(entry: Pick<Subprocessor, 'history'>, site: Pick<Site, 'notice_period_days' | 'published'>, today: IsoDate): RuleIssue[] {
  const issues: RuleIssue[] = [];
  entry.history.forEach((event, index) => {
    const at = (field: string) => ['history', index, field];
    const before = entry.history[index - 1];
    // Two updates may take effect on one day if they were announced on different days (each announcement is a fact to keep).
    if (entry.history.findIndex((other) => other.change === event.change && other.effective === event.effective && other.announced === event.announced) < index) {
      issues.push({ path: at('change'), message: `a second \`${event.change}\` event announced ${event.announced} and effective ${event.effective}`, hint: 'Merge the two events into one.' });
    }
    if (event.change === 'added' && index === 0 && event.previous) {
      issues.push({ path: at('previous'), message: 'the first `added` event has no former values', hint: 'Delete `previous`: it is for an update, or for an entry added again after a removal.' });
    }
    if (event.change === 'added' && index > 0 && !event.previous && event.announced > today) {
      // Before its announcement, the details in the file must not show: without `previous` they would.
      issues.push({
        path: at('change'),
        message: `added again, announced ${event.announced}, but without \`previous\` its details would show today`,
        hint: 'Add `previous:` with the details the entry had before it was removed (the fields that change), or `previous: {}` if it comes back unchanged.',
      });
    }
    if (event.change === 'updated' && !event.previous && event.effective > site.published) {
      // Without former values, pages for earlier dates (and, before it is announced, today's list) show the new ones.
      const early = event.announced > today;
      issues.push({
        path: at('change'),
        message: early ? `announced ${event.announced}, but without \`previous\` its new values would show today` : 'the former values are not recorded under `previous`',
        hint: 'Add `previous:` with the values the changed fields had before this update.',
        ...(early ? {} : { severity: 'warning' as const }),
      });
    }
    if (!before && event.change !== 'added') {
      issues.push({ path: at('change'), message: `the first event must be \`added\`, not \`${event.change}\``, hint: 'Start the history with the event that added the subprocessor.' });
    }
    if (before?.change === 'removed' && event.change !== 'added') {
      issues.push({ path: at('change'), message: `after \`removed\` only \`added\` can follow, not \`${event.change}\``, hint: 'To bring it back, use `change: added`.' });
    }
    if (before && before.change !== 'removed' && event.change === 'added') {
      issues.push({ path: at('change'), message: 'it is already on the list, so it cannot be `added` again', hint: 'Use `change: updated` for a change, or add a `removed` event first.' });
    }
    if (before && event.effective < before.effective) {
      issues.push({ path: at('effective'), message: `events must be oldest first, but ${event.effective} is before the previous event's ${before.effective}`, hint: 'Move this event above the previous one, or correct the date.' });
    }
    if (event.effective < event.announced) {
      issues.push({ path: at('effective'), message: `takes effect (${event.effective}) before it was announced (${event.announced})`, hint: 'The effective date must be on or after the announcement date.' });
      return;
    }
    const needsNotice = event.change !== 'removed' && !event.urgent && event.effective > site.published;
    const days = daysBetween(event.announced, event.effective);
    if (needsNotice && days < site.notice_period_days) {
      issues.push({
        path: at('effective'),
        message: `only ${days} days after the announcement; the notice period is ${site.notice_period_days} days`,
        hint: `Set \`effective\` on or after ${addDays(event.announced, site.notice_period_days)}, or, for a security-critical change, set \`urgent: true\` with a \`reason\`.`,
      });
    }
  });
  return issues;
}


/** Facts a reviewer expects but the format does not require: reported as warnings. */
export function recommendations(entry: DescribingFields): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!entry.links?.dpa) {
    issues.push({ path: ['links', 'dpa'], message: 'no link to the data processing agreement', hint: 'Add `links:` with `dpa: https://…`, or say in the notes how customers can obtain it.' });
  }
  if (!entry.links?.subprocessors) {
    issues.push({
      path: ['links', 'subprocessors'],
      message: 'no link to its own list of subprocessors',
      hint: 'EDPB Opinion 22/2024 asks for the whole chain of subprocessors: add `subprocessors: https://…` under `links:` (the provider\'s own list).',
    });
  }
  const missing = (['address', 'contact'] as const).filter((field) => !entry[field]);
  if (missing.length) {
    issues.push({
      path: [missing[0]],
      message: `no ${missing.map((field) => (field === 'address' ? 'registered address' : 'privacy contact')).join(' or ')}`,
      hint: `EDPB Opinion 22/2024 asks for each subprocessor's name, address and contact person: add ${missing.map((field) => `\`${field}:\``).join(' and ')}.`,
    });
  }
  issues.push(...transferIssues(entry));
  if (entry.website?.startsWith('http://')) {
    issues.push({ path: ['website'], message: `'${entry.website}' is not a secure (https://) address`, hint: 'Use the https:// address of the website.' });
  }
  return issues;
}

/**
 * The reviewer's first question: what makes each transfer out of the EEA lawful. A location
 * outside the EEA needs an adequacy decision (lib/content/adequacy.ts) or a safeguard in
 * `transfers` that covers it; the Data Privacy Framework covers only recipients in the US.
 */
export function transferIssues(entry: Pick<DescribingFields, 'locations' | 'transfers'>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const transfers = entry.transfers ?? [];
  const locations = entry.locations ?? [];
  // A global network reaches the US too.
  const inUs = locations.some((location) => location.country === 'US' || location.country === 'global');
  const dpf = transfers.indexOf('DPF');
  if (dpf >= 0 && !inUs) {
    issues.push({ path: ['transfers', dpf], message: '`DPF` (the EU-U.S. Data Privacy Framework) covers only recipients in the US, and no location is in the US', hint: 'Delete `DPF`, or name the safeguard the DPA relies on for these countries, e.g. `SCCs`.' });
  }
  // SCCs and BCRs cover any country; DPF only the US; `adequacy` only where there is a decision.
  const covered = (country: string) => transfers.some((safeguard) => safeguard === 'SCCs' || safeguard === 'BCRs' || (safeguard === 'DPF' && country === 'US') || (safeguard === 'adequacy' && country in ADEQUACY.decisions));
  const reported = new Set<string>();
  locations.forEach((location, index) => {
    const { country } = location;
    if (country === 'EU' || EEA.has(country) || reported.has(country) || covered(country)) return;
    reported.add(country);
    if (country !== 'US' && country !== 'global' && country in ADEQUACY.decisions) return;
    const where = country === 'global' ? 'data may be processed anywhere (`global`)' : `\`${country}\` (${locationName(country)}) is outside the EEA`;
    const why = country === 'US' ? 'the EU adequacy decision covers only companies certified under the Data Privacy Framework' : country === 'global' ? 'that includes countries with no adequacy decision' : 'it has no EU adequacy decision';
    issues.push({
      path: ['locations', index, 'country'],
      message: `${where}; ${why}, and \`transfers\` names no safeguard that covers it`,
      hint: `Add the safeguard the DPA relies on, e.g. \`transfers: [SCCs]\`${country === 'US' ? ', or `DPF` if it is certified' : ''}.`,
    });
  });
  return issues;
}

/** Placeholders left from `npm run new`: a TODO must never be published. */
export function leftoverTodos(data: unknown, path: PropertyKey[] = []): RuleIssue[] {
  if (typeof data === 'string') {
    return /\bTODO\b/.test(data) ? [{ path, message: 'still says TODO', hint: 'Replace the TODO with the real value, or delete the line if the field is optional.' }] : [];
  }
  if (Array.isArray(data)) return data.flatMap((item, index) => leftoverTodos(item, [...path, index]));
  if (data !== null && typeof data === 'object') return Object.entries(data).flatMap(([key, value]) => leftoverTodos(value, [...path, key]));
  return [];
}

type Titled = { id: string; title: string };

/**
 * A category or scope written as its title (`category: Email delivery`, `scopes: [EU Cloud]`):
 * "did you mean `communication`?", found by title whatever the letter case. Only values that are
 * not ids already; an unknown id is reported against site.yaml later.
 */
export function titlesForIds(data: Record<string, unknown>, site: { categories: readonly Titled[]; scopes?: readonly Titled[] }): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const check = (value: unknown, path: PropertyKey[], kind: 'category' | 'scope', items: readonly Titled[]) => {
    if (typeof value !== 'string' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) return;
    const wanted = value.trim().toLowerCase();
    const match = items.find((item) => item.title.trim().toLowerCase() === wanted || item.id === wanted);
    if (!match) return;
    const message = match.id === wanted ? `'${value}': ${kind} ids are lowercase — did you mean \`${match.id}\`?` : `'${value}' is the title of a ${kind} — did you mean \`${match.id}\`?`;
    issues.push({ path, message, hint: `Write the ${kind}'s id as site.yaml has it: \`${match.id}\`.` });
  };
  const scopes = (value: unknown, path: PropertyKey[]) => Array.isArray(value) && value.forEach((id, index) => check(id, [...path, index], 'scope', site.scopes ?? []));
  const fields = (record: unknown, path: PropertyKey[]) => {
    if (record === null || typeof record !== 'object') return;
    const { category, scopes: ids, locations } = record as Record<string, unknown>;
    check(category, [...path, 'category'], 'category', site.categories);
    scopes(ids, [...path, 'scopes']);
    if (Array.isArray(locations)) locations.forEach((location, index) => scopes((location as Record<string, unknown> | null)?.scopes, [...path, 'locations', index, 'scopes']));
  };
  fields(data, []);
  if (Array.isArray(data.history)) data.history.forEach((event, index) => fields((event as Record<string, unknown> | null)?.previous, ['history', index, 'previous']));
  return issues;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Month names and their usual abbreviations as whole words, so "marketing" is not March.
const MONTH_WORDS = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/g;

/**
 * The last day of the latest period a `planned` text names ("Q2–Q4 2025" → 2025-12-31,
 * "H1 2027" → 2027-06-30, "March 2026" → 2026-03-31, "2025" → 2025-12-31), or undefined when it
 * names no year. Each year takes the quarters, halves or months written before it.
 */
export function plannedBy(text: string): IsoDate | undefined {
  let latest: IsoDate | undefined;
  let from = 0;
  for (const match of text.matchAll(/\b(20\d\d)(?:-(\d\d))?\b/g)) {
    const before = text.slice(from, match.index).toLowerCase();
    from = match.index + match[0].length;
    const year = Number(match[1]);
    const quarters = [...before.matchAll(/\bq([1-4])\b/g)].map((found) => Number(found[1]) * 3);
    const halves = [...before.matchAll(/\bh([12])\b/g)].map((found) => Number(found[1]) * 6);
    const months = [...before.matchAll(MONTH_WORDS)].map((found) => MONTHS.indexOf(found[1].slice(0, 3)) + 1);
    const month = match[2] ? Number(match[2]) : Math.max(0, ...quarters, ...halves, ...months) || 12;
    if (month > 12) continue;
    const end = addDays(`${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`, -1);
    if (!latest || end > latest) latest = end;
  }
  return latest;
}

/** A planned entry whose expected date has passed: the page would promise something already late. */
export function plannedIssues(entry: { planned: string }, today: IsoDate): RuleIssue[] {
  const by = plannedBy(entry.planned);
  if (!by || by >= today) return [];
  const text = entry.planned.length > 60 ? `${entry.planned.slice(0, 60)}…` : entry.planned;
  return [{ path: ['planned'], message: `'${text}' has passed: it ended on ${by}, and today is ${today}`, hint: 'Write the new expected date; once it is engaged, replace `planned` with a `history` that announces it; delete the file if it is no longer planned.', severity: 'warning' }];
}
