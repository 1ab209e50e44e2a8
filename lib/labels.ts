import type { ChangeType } from './schema';

/** How the transfer safeguard codes of the content format read on the page. */
export const TRANSFER_LABELS: Record<string, string> = {
  adequacy: 'Adequacy decision',
  SCCs: 'Standard Contractual Clauses (SCCs)',
  DPF: 'EU-U.S. Data Privacy Framework (DPF)',
  'UK-IDTA': 'UK International Data Transfer Agreement (IDTA)',
  'UK-Addendum': 'UK Addendum to the SCCs',
  BCRs: 'Binding Corporate Rules (BCRs)',
};

export const CHANGE_LABELS: Record<ChangeType, string> = { added: 'Added', updated: 'Updated', removed: 'Removed' };

export const LINK_LABELS = { dpa: 'Data processing agreement', privacy: 'Privacy policy', security: 'Security information' } as const;

/** The event's own summary, or a plain default so no change is ever shown without words. */
export function eventSummary(name: string, event: { change: ChangeType; summary?: string }): string {
  return event.summary ?? `${name} ${event.change === 'added' ? 'added to' : event.change === 'removed' ? 'removed from' : 'updated on'} the list.`;
}
