import type { Content } from '../../content/schema';
import { objectionPath, objectionTarget, type ObjectionTarget } from '../../publish/objection';
import { href } from '../../publish/urls';
import { clientAddress } from '../client';
import { secureCookies } from '../desk/config';
import { addressKey, declaresTooMuch, ipKey, LIMITS, plain, readForm, redirect, sameOrigin, type FormDeps } from '../forms';
import { hitRateLimit } from '../queries';
import { parseAddress } from '../address';
import { deleteDraft, draftCookie, draftCookieValue, newDraftKey, saveDraft } from './drafts';
import { objectionProblems, objectionValues, OBJECTION_BODY_LIMIT } from './fields';
import { verifyPersonalToken } from './link';
import { confirmObjection, fileFromSubscriber, submitUnverified, type FileOptions, type Submission } from './queries';

/**
 * The objection form's handlers (SPEC §9), with the subscription form's protections: same
 * origin only, a honeypot, per-network and per-address limits, a byte cap enforced before the
 * body is read. Nothing is sent while the visitor waits: the receipt, the copy and the Confirm
 * e-mail are deliveries the notify job sends (`wake` starts it).
 */

const tooLarge = () => plain(413, 'This form takes an objection of at most 10,000 characters, not this much.', { Connection: 'close' });
const crossSite = () => plain(403, 'Forms on this site can be sent only from its own pages.');
const fileOptions = (content: Content): FileOptions => ({ timeZone: content.site.timezone, copyTo: content.site.contact.objections });

export async function handleObjection(request: Request, deps: FormDeps): Promise<Response> {
  if (!sameOrigin(request)) return crossSite();
  const now = deps.now.toISOString();
  if (declaresTooMuch(request, OBJECTION_BODY_LIMIT)) return tooLarge();
  if (!(await hitRateLimit(deps.db, ipKey(deps.secret, clientAddress(request, deps.env)), LIMITS.ip, LIMITS.windowMs, now))) {
    return plain(429, 'Too many requests from your network. Please try again in an hour.', { 'Retry-After': '3600' });
  }
  const fields = await readForm(request, OBJECTION_BODY_LIMIT);
  if (!fields) return tooLarge();
  // Only bots fill in the hidden field: they get the answer anyone gets.
  if (fields.get('website')) return redirect('/subprocessors/object/sent');
  const { content } = deps;
  const changeId = fields.get('change') ?? '';
  const scope = fields.get('scope') || undefined;
  const target = objectionTarget(content, changeId, scope, deps.today);
  // The form's page says why this change takes no objection. No id is this long: a longer one is not sent back in the address.
  if ('refused' in target) return redirect(changeId.length + (scope ?? '').length > 300 ? objectionPath('') : objectionPath(changeId, scope));
  const token = fields.get('token') || undefined;
  const subscriberId = token ? verifyPersonalToken(deps.secret, token, target.changeId, target.scope, deps.now, content.site.timezone) : undefined;
  const values = objectionValues(fields);
  const problems = objectionProblems(values, subscriberId === undefined);
  // The form sent back with the problem: the key of the draft it showed, replaced by the new one or deleted once filed.
  const previousDraft = fields.get('draft') ?? '';
  /**
   * A refused form: what was typed is kept for an hour as a draft, and its page shows it
   * again, styled like every page, with what to correct. The same for a forged, someone
   * else's, another change's or an expired link: the address is then asked for.
   */
  const refused = async (linkInvalid: boolean) => {
    const [key, browser] = [newDraftKey(), draftCookieValue(request.headers.get('cookie')) ?? newDraftKey()];
    await saveDraft(deps.db, key, browser, { changeId: target.changeId, scope: target.scope, values, problems, token: linkInvalid ? undefined : token, linkInvalid }, now, previousDraft);
    const answer = redirect(`${objectionPath(target.changeId, target.scope)}&draft=${key}`);
    answer.headers.set('Set-Cookie', draftCookie(browser, href('/subprocessors/object'), secureCookies(content.site, request, deps.env)));
    return answer;
  };
  const invalidLink = token !== undefined && subscriberId === undefined;
  if (problems.length || invalidLink) return refused(invalidLink);
  const submission = submissionOf(target, values, now);
  if (subscriberId !== undefined) {
    const filed = await fileFromSubscriber(deps.db, submission, subscriberId, now, fileOptions(content));
    // A subscriber erased since the link was sent: the link is no longer anyone's.
    if (!filed) return refused(true);
    await deleteDraft(deps.db, previousDraft);
    deps.wake?.();
    return redirect(`/subprocessors/object/receipt?key=${filed.viewKey}`);
  }
  await deleteDraft(deps.db, previousDraft);
  const email = (parseAddress(values.email) as { address: string }).address;
  // Over the per-address limit: the same answer as anyone, nothing stored.
  if (await hitRateLimit(deps.db, addressKey(deps.secret, email), LIMITS.address, LIMITS.windowMs, now)) {
    await submitUnverified(deps.db, { ...submission, email }, now);
    deps.wake?.();
  }
  return redirect('/subprocessors/object/sent');
}

function submissionOf(target: ObjectionTarget, values: ReturnType<typeof objectionValues>, now: string): Omit<Submission, 'email'> {
  return {
    changeId: target.changeId,
    scope: target.scope,
    organisation: values.organisation,
    name: values.name,
    grounds: values.grounds,
    contractReference: values.reference || undefined,
    receivedAt: now,
    deadline: target.deadline,
    deadlineAt: target.deadlineAt,
    closesAt: target.closesAt,
  };
}

/** The Confirm button's POST: files the objection once; the page at the same address then says what the link did (read from the database). */
export async function handleObjectionConfirm(request: Request, deps: FormDeps): Promise<Response> {
  if (!sameOrigin(request)) return crossSite();
  // The button sends no fields; a body is never read, and a large one is refused before it is sent on.
  if (declaresTooMuch(request)) return plain(413, 'This button sends nothing but its link.', { Connection: 'close' });
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const result = await confirmObjection(deps.db, token, deps.now.toISOString(), fileOptions(deps.content));
  if (result.state !== 'filed') return redirect(`/subprocessors/object/confirm?token=${encodeURIComponent(token)}`);
  deps.wake?.();
  return redirect(`/subprocessors/object/receipt?key=${result.viewKey}`);
}
