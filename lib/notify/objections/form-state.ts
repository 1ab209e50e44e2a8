import type { ObjectionTarget } from '../../publish/objection';
import type { Db } from '../db';
import { readDraft } from './drafts';
import type { FieldProblem, ObjectionValues } from './fields';
import { verifyPersonalToken } from './link';

/**
 * What the objection form's page shows for one change: who is objecting when a personal link
 * identifies a subscriber, and a refused form's draft (its values and problems) when the
 * address names one of this change that has not expired. A draft of another change, or an
 * unknown or expired key, shows the empty form with a line saying the earlier entry is gone.
 */
export type FormState = {
  /** The personal link's key, when it identifies a subscriber for this change; their address. */
  token?: string;
  subscriberEmail?: string;
  /** A personal link was given that is not valid for this change. */
  linkInvalid: boolean;
  values?: ObjectionValues;
  problems: FieldProblem[];
  /** The address named a draft that is not there (expired, already sent, or never made). */
  draftGone: boolean;
  /** The key of the draft shown, sent back with the form so it is replaced or deleted. */
  draftKey?: string;
};

/** `browser`: the draft cookie's value (a draft is shown only in the browser that typed it). */
type Given = { token?: string; draft?: string; browser?: string };
type Keys = { db: Db; secret: string; now: Date; timeZone: string };

export async function objectionFormState(target: Pick<ObjectionTarget, 'changeId' | 'scope'>, given: Given, { db, secret, now, timeZone }: Keys): Promise<FormState> {
  const found = given.draft ? await readDraft(db, given.draft, given.browser, now.toISOString()) : undefined;
  const draft = found && found.changeId === target.changeId && found.scope === target.scope ? found : undefined;
  const token = draft ? draft.token : given.token;
  const subscriberId = token ? verifyPersonalToken(secret, token, target.changeId, target.scope, now, timeZone) : undefined;
  const subscriber = subscriberId === undefined ? undefined : await db.selectFrom('subscribers').select('email').where('id', '=', subscriberId).executeTakeFirst();
  return {
    token: subscriber ? token : undefined,
    subscriberEmail: subscriber?.email,
    linkInvalid: Boolean(draft?.linkInvalid) || (token !== undefined && !subscriber),
    values: draft?.values,
    problems: draft?.problems ?? [],
    draftGone: Boolean(given.draft) && !draft,
    draftKey: draft ? given.draft : undefined,
  };
}
