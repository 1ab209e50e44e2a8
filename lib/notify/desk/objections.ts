import { todayIn, type IsoDate } from '../../content/dates';
import { SLUG, type Content } from '../../content/schema';
import type { Db } from '../db';
import { buildEvidence, changeTitle, isOutcome, objectionRecord, objectionRegister, resolveObjection, type ObjectionRecord, type Outcome } from '../objections';
import { deskAction } from './actions';
import { redirect } from './handlers';
import { audit } from './sessions';

/** Each outcome in words, as the desk offers it: its name, and what it means (the e-mail to the objector says the same). */
export const OUTCOME_LABELS: Record<Outcome, { name: string; meaning: string }> = {
  withdrawn: { name: 'Withdrawn', meaning: 'the customer withdrew the objection' },
  alternative: { name: 'Alternative agreed', meaning: 'an alternative was agreed with the customer' },
  'not-engaged': { name: 'Not engaged', meaning: 'the subprocessor is not engaged for this customer, or the change does not go ahead' },
  terminated: { name: 'Terminated', meaning: 'the contract, or the affected service, ended' },
  other: { name: 'Other', meaning: 'another outcome, said in the note' },
};

/** An outcome as recorded (the command or an older version may have stored any text), in words. */
export const outcomeName = (outcome: string | undefined) => (outcome && isOutcome(outcome) ? OUTCOME_LABELS[outcome].name : (outcome ?? 'none'));

/** A note on an outcome: the objector reads it in the e-mail. */
export const NOTE_LIMIT = 4000;
// Room for the note written in any script, percent-encoded (up to 9 bytes a character), and the other fields.
const RESOLVE_BODY_LIMIT = NOTE_LIMIT * 9 + 1024;

/** References are `OBJ-<year>-<number>`; anything else is no objection, without asking the database. */
export const REFERENCE = /^OBJ-\d{4}-\d{4,6}$/;

export const isOpen = (objection: Pick<ObjectionRecord, 'states'>) => objection.states.at(-1)?.state !== 'resolved';

/** An objection as the desk lists it: the record, its change in words, and whether it is still open. */
export type DeskObjection = ObjectionRecord & { change: { title: string; url?: string }; open: boolean };

const withChange = (content: Content, today: IsoDate) => (objection: ObjectionRecord): DeskObjection => ({
  ...objection,
  change: changeTitle(content, objection.changeId, objection.scope, today),
  open: isOpen(objection),
});

/** The register, oldest first; `open`: only those not yet resolved. */
export async function deskRegister(db: Db, content: Content, today: IsoDate, { open = false }: { open?: boolean } = {}): Promise<DeskObjection[]> {
  return (await objectionRegister(db)).map(withChange(content, today)).filter((objection) => !open || objection.open);
}

/** One objection by the reference in an address; undefined for anything that is not a filed objection's reference. */
export async function deskObjection(db: Db, content: Content, today: IsoDate, reference: string): Promise<DeskObjection | undefined> {
  if (!REFERENCE.test(reference)) return undefined;
  const found = await objectionRecord(db, reference);
  return found && withChange(content, today)(found);
}

/** The changes the register's objections are about, once each, in the order first objected to. */
export function changesOf(objections: DeskObjection[]): { changeId: string; title: string; total: number; open: number }[] {
  const changes = new Map<string, { changeId: string; title: string; total: number; open: number }>();
  for (const objection of objections) {
    const change = changes.get(objection.changeId) ?? { changeId: objection.changeId, title: objection.change.title, total: 0, open: 0 };
    change.total++;
    if (objection.open) change.open++;
    changes.set(objection.changeId, change);
  }
  return [...changes.values()];
}

/**
 * A note as typed: line breaks made plain, and control characters (a NUL, which PostgreSQL
 * refuses; escape sequences; other invisible codes) taken out. Tabs and line breaks stay.
 */
export const noteText = (typed: string) =>
  typed
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .trim();

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * POST /desk/objections/<reference> (fields `outcome`, `note`, `quiet`): records the outcome as a
 * new state, by the signed-in member, e-mails the objector unless `quiet=yes` (the notify job
 * sends it, woken here), and writes a line in the activity log. A second outcome is appended
 * after the first, which stays in the history.
 */
export function handleResolve(reference: string) {
  return deskAction(async (_request, deps, session, fields) => {
    const page = `/desk/objections/${encodeURIComponent(reference)}`;
    const today = todayIn(deps.content.site.timezone, deps.now);
    const before = await deskObjection(deps.db, deps.content, today, reference);
    if (!before) return plain(404, 'There is no objection with this reference.');
    const outcome = fields.get('outcome') ?? '';
    const note = noteText(fields.get('note') ?? '');
    if (!isOutcome(outcome)) return redirect(`${page}?error=outcome#resolve`);
    if (!note) return redirect(`${page}?error=note#resolve`);
    if (note.length > NOTE_LIMIT) return redirect(`${page}?error=long#resolve`);
    const quiet = fields.get('quiet') === 'yes';
    const at = deps.now.toISOString();
    const result = await resolveObjection(deps.db, { reference, outcome, note, at, by: session.email, quiet });
    if (!result) return plain(404, 'There is no objection with this reference.');
    const previous = before.states.at(-1);
    const replacing = previous?.state === 'resolved' ? `, replacing ${previous.outcome}` : '';
    await audit(deps.db, { at, actor: session.email, action: 'resolved an objection', detail: `${reference}: ${outcome}${replacing}; ${quiet ? 'the objector not e-mailed' : 'the objector e-mailed'}` });
    if (!quiet) deps.wake?.();
    return redirect(`${page}?status=${quiet ? 'recorded' : 'emailed'}`);
  }, { limit: RESOLVE_BODY_LIMIT, tooLargeText: `A note takes at most ${NOTE_LIMIT.toLocaleString('en-US')} characters.` });
}

/** A change id as the content makes them (`<slug>-<change>-<effective>`), before anything is looked up. */
const CHANGE_ID = /^[a-z0-9-]{1,200}$/;

/**
 * POST /desk/objections/evidence (field `change`): the change's evidence pack as a JSON file,
 * recorded in the activity log with its SHA-256 (the hash inside the file, and in its name).
 */
export const handleEvidence = deskAction(async (_request, deps, session, fields) => {
  const changeId = fields.get('change') ?? '';
  const today = todayIn(deps.content.site.timezone, deps.now);
  const now = deps.now.toISOString();
  const pack = CHANGE_ID.test(changeId) && SLUG.test(changeId) ? await buildEvidence(deps.db, deps.content, changeId, { today, now }) : undefined;
  if (!pack) return plain(404, 'No change announced so far has this id.');
  await audit(deps.db, { at: now, actor: session.email, action: 'downloaded an evidence pack', detail: `${changeId}, SHA-256 ${pack.sha256}` });
  return new Response(`${JSON.stringify(pack, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="evidence-${changeId}-${today}-${pack.sha256.slice(0, 12)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
});
