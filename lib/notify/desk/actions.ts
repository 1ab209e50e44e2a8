import { parseAddress } from '../address';
import { addressKey, BODY_LIMIT, readForm, sameOrigin } from '../forms';
import { crossSite, redirect, requestSession, tooLarge, type DeskDeps } from './handlers';
import { audit, type Session } from './sessions';
import { eraseEverywhere, subscribersCsv } from './subscribers';

type Action = (request: Request, deps: DeskDeps, session: Session, fields: URLSearchParams) => Promise<Response>;

/**
 * A state-changing request on the desk: from the site's own pages only (403 otherwise), with a
 * body no larger than its form needs (413: refused by its declared length, or as soon as
 * reading passes the limit, before anything is looked up), by a signed-in team member (anyone
 * else is sent to the sign-in page, as for any desk address). The action gets the form's fields.
 */
export function deskAction(action: Action, { limit = BODY_LIMIT, tooLargeText = 'This form does not take this much.' } = {}): (request: Request, deps: DeskDeps) => Promise<Response> {
  return async (request, deps) => {
    if (!sameOrigin(request)) return crossSite();
    const fields = await readForm(request, limit);
    if (!fields) return tooLarge(tooLargeText);
    const session = await requestSession(request, deps);
    if (!session) return redirect('/desk');
    return action(request, deps, session, fields);
  };
}

/** POST /desk/subscribers/export: the confirmed subscribers as a CSV download. */
export const handleExport = deskAction(async (_request, deps, session) => {
  const now = deps.now.toISOString();
  await audit(deps.db, { at: now, actor: session.email, action: 'exported the subscribers', detail: 'CSV of the confirmed addresses' });
  const chunks = subscribersCsv(deps.db);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new TextEncoder().encode(next.value));
    },
  });
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="subscribers-${now.slice(0, 10)}.csv"`, 'Cache-Control': 'no-store' },
  });
});

/**
 * POST /desk/subscribers/erase (field `email`): without `confirm=yes`, to the page that asks
 * for confirmation; with it, the address is erased everywhere and the erasure logged (without
 * the address: the log would otherwise keep what was erased).
 */
export const handleErase = deskAction(async (_request, deps, session, fields) => {
  const parsed = parseAddress(fields.get('email') ?? '');
  if (!parsed.ok) return redirect(`/desk/subscribers?error=${parsed.problem}`);
  if (fields.get('confirm') !== 'yes') return redirect(`/desk/subscribers/erase?email=${encodeURIComponent(parsed.address)}`);
  const { found, files } = await eraseEverywhere(deps.db, parsed.address, addressKey(deps.secret, parsed.address), deps.env);
  const detail = `${found ? 'a subscriber' : 'an address that was not a subscriber (delivery log rows anonymised)'}${files ? `; ${files} outbox file(s) deleted` : ''}`;
  await audit(deps.db, { at: deps.now.toISOString(), actor: session.email, action: 'erased an address', detail });
  return redirect(`/desk/subscribers?erased=${found ? 'subscriber' : 'other'}`);
});
