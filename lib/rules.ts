import { addDays, daysBetween } from './dates';
import type { Site, Subprocessor } from './schema';

export type RuleIssue = { path: PropertyKey[]; message: string; hint: string };

/** The history rules of the content format, for one entry whose fields are already valid. */
export function checkHistory(entry: Pick<Subprocessor, 'history'>, site: Pick<Site, 'notice_period_days' | 'published'>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  entry.history.forEach((event, index) => {
    const at = (field: string) => ['history', index, field];
    const before = entry.history[index - 1];
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

