import type { Site } from '@/lib/content/schema';
import { deskTime } from '@/lib/notify/desk/format';
import type { Lookup } from '@/lib/notify/desk/lookup';
import { scopeTitles } from '@/lib/timeline/scopes';

type Props = { lookup: Lookup; site: Site };

const STATUS: Record<string, string> = { sent: 'Sent', failed: 'Failed', pending: 'Waiting to be sent', sending: 'Being sent', cancelled: 'Cancelled (unsubscribed or erased)' };

/** What the database holds about one address: its subscription, then every e-mail, oldest first. */
export function LookupResult({ lookup, site }: Props) {
  const { subscription: sub, deliveries } = lookup;
  const time = (iso: string | null) => deskTime(iso, site.timezone);
  const lists = (ids: string[]) => (ids.length ? scopeTitles(site, ids).join('; ') : 'the full list');
  return (
    <>
      <section aria-labelledby="subscription" className="mt-8">
        <h2 id="subscription" className="text-xl font-semibold">Subscription of {lookup.email}</h2>
        {sub ? (
          <ul className="mt-3 list-disc space-y-1 pl-5">
            <li>Now: {sub.status === 'confirmed' ? 'subscribed' : sub.status === 'pending' ? 'asked to subscribe, not confirmed' : 'unsubscribed'}, to {lists(sub.scopes)}</li>
            <li>First asked: {time(sub.createdAt)}</li>
            {sub.confirmSentAt && <li>Latest request for a confirmation link: {time(sub.confirmSentAt)}</li>}
            {sub.confirmedAt && <li>Confirmed: {time(sub.confirmedAt)}</li>}
            {sub.unsubscribedAt && <li>Unsubscribed: {time(sub.unsubscribedAt)}</li>}
          </ul>
        ) : (
          <p className="mt-3">No subscription on record: never subscribed, unsubscribed (removed at the next run of the notices), or erased.</p>
        )}
      </section>
      <section aria-labelledby="e-mails" className="mt-8">
        <h2 id="e-mails" className="text-xl font-semibold">E-mails to this address</h2>
        {deliveries.length ? (
          <ol className="mt-3 space-y-3">
            {deliveries.map((delivery) => (
              <li key={delivery.id} className="rounded border border-slate-200 p-3">
                <p className="font-semibold">{delivery.what}{delivery.scope && <> ({scopeTitles(site, [delivery.scope]).join('') || delivery.scope})</>}</p>
                <dl className="mt-1 grid grid-cols-1 gap-x-4 sm:grid-cols-[12rem_1fr]">
                  <dt className="text-slate-700">Status</dt>
                  <dd>{STATUS[delivery.status] ?? delivery.status}{delivery.resent && ' (re-sent after an interruption)'}</dd>
                  <dt className="text-slate-700">Sent</dt>
                  <dd>{time(delivery.sentAt) || 'not sent'}</dd>
                  <dt className="text-slate-700">Message-ID</dt>
                  <dd><code>{delivery.messageId ?? 'none'}</code></dd>
                  <dt className="text-slate-700">Mail server&apos;s reply</dt>
                  <dd><code>{delivery.response ?? 'none'}</code></dd>
                  {delivery.fingerprint && <><dt className="text-slate-700">List fingerprint</dt><dd><code>{delivery.fingerprint}</code></dd></>}
                </dl>
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-3">No e-mail to this address is on record.</p>
        )}
      </section>
    </>
  );
}
