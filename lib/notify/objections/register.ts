import type { Selectable } from 'kysely';
import type { Db, ObjectionRow, Tables } from '../db';
import { objectionMail, OUTCOMES, type Outcome } from './queries';

/** The register: what the company keeps of each filed objection, and what became of it. */

export type ObjectionState = { id: number; state: 'received' | 'resolved'; outcome?: string; note?: string; at: string; by: string; notified: boolean };

export type ObjectionRecord = {
  reference: string;
  changeId: string;
  /** The scope whose list named the change; none: the full list. */
  scope?: string;
  organisation: string;
  name: string;
  email: string;
  grounds: string;
  contractReference?: string;
  receivedAt: string;
  deadline: string;
  deadlineAt: string;
  onTime: boolean;
  verifiedBy: 'personal-link' | 'confirm-link';
  verifiedAt: string;
  /** Oldest first; the last is the current one. */
  states: ObjectionState[];
};

type Row = ObjectionRow;
type StateRow = Selectable<Tables['objection_states']>;

const record = (objection: Row, states: StateRow[]): ObjectionRecord => ({
  reference: objection.reference!,
  changeId: objection.change_id,
  ...(objection.scope && { scope: objection.scope }),
  organisation: objection.organisation,
  name: objection.name,
  email: objection.email,
  grounds: objection.grounds,
  ...(objection.contract_reference && { contractReference: objection.contract_reference }),
  receivedAt: objection.received_at,
  deadline: objection.deadline,
  deadlineAt: objection.deadline_at,
  onTime: Number(objection.on_time) === 1,
  verifiedBy: objection.verified_by!,
  verifiedAt: objection.verified_at!,
  states: states.map((state) => ({ id: state.id, state: state.state, ...(state.outcome && { outcome: state.outcome }), ...(state.note && { note: state.note }), at: state.at, by: state.by, notified: Number(state.notified) === 1 })),
});

async function withStates(db: Db, rows: Row[]): Promise<ObjectionRecord[]> {
  if (rows.length === 0) return [];
  const states = await db.selectFrom('objection_states').selectAll().where('objection_id', 'in', rows.map((row) => row.id)).orderBy('id').execute();
  return rows.map((row) => record(row, states.filter((state) => state.objection_id === row.id)));
}

/** Every filed objection, oldest first, with its states; `changes`: only those about these changes (`scope` as recorded, none for the full list). */
export async function objectionRegister(db: Db, { changes }: { changes?: { changeId: string; scope?: string }[] } = {}): Promise<ObjectionRecord[]> {
  if (changes && changes.length === 0) return [];
  let query = db.selectFrom('objections').selectAll().where('status', '=', 'filed');
  if (changes) {
    query = query.where((eb) => eb.or(changes.map(({ changeId, scope }) => eb.and([eb('change_id', '=', changeId), scope ? eb('scope', '=', scope) : eb('scope', 'is', null)]))));
  }
  return withStates(db, await query.orderBy('id').execute());
}

/** One objection by its reference, with its states. */
export async function objectionRecord(db: Db, reference: string): Promise<ObjectionRecord | undefined> {
  const row = await db.selectFrom('objections').selectAll().where('reference', '=', reference).where('status', '=', 'filed').executeTakeFirst();
  return row ? (await withStates(db, [row]))[0] : undefined;
}

/** The current state in words, for the register: "open", or "resolved: withdrawn". */
export function stateText(objection: Pick<ObjectionRecord, 'states'>): string {
  const last = objection.states.at(-1);
  return last?.state === 'resolved' ? `resolved: ${last.outcome}` : 'open';
}

export const isOutcome = (value: string): value is Outcome => (OUTCOMES as readonly string[]).includes(value);

/**
 * Records the outcome of an objection as a new state (earlier ones stay as they were), and
 * unless `quiet`, queues an e-mail telling the objector. `by`: who recorded it. Undefined when
 * there is no filed objection with that reference.
 */
export async function resolveObjection(db: Db, { reference, outcome, note, at, by, quiet = false }: { reference: string; outcome: Outcome; note: string; at: string; by: string; quiet?: boolean }) {
  return db.transaction().execute(async (trx) => {
    const objection = await trx.selectFrom('objections').select(['id', 'email']).where('reference', '=', reference).where('status', '=', 'filed').executeTakeFirst();
    if (!objection) return undefined;
    const state = await trx.insertInto('objection_states').values({ objection_id: objection.id, state: 'resolved', outcome, note, at, by, notified: quiet ? 0 : 1 }).returning('id').executeTakeFirstOrThrow();
    if (!quiet) {
      await trx.insertInto('deliveries').values({ notice_id: objectionMail.outcome(state.id), subscriber_id: null, address: objection.email, status: 'pending', created_at: at, next_attempt_at: at, scope: null }).execute();
    }
    return { stateId: state.id, emailed: !quiet };
  });
}

export type ObjectionCount = { total: number; late: number; open: number };

/** Per change (`<scope>:<change id>`, the scope empty for the full list): how many objections were filed, how many late, how many still open. */
export async function objectionCounts(db: Db): Promise<Map<string, ObjectionCount>> {
  const counts = new Map<string, ObjectionCount>();
  for (const objection of await objectionRegister(db)) {
    const key = countKey(objection.changeId, objection.scope);
    const count = counts.get(key) ?? { total: 0, late: 0, open: 0 };
    count.total++;
    if (!objection.onTime) count.late++;
    if (objection.states.at(-1)?.state !== 'resolved') count.open++;
    counts.set(key, count);
  }
  return counts;
}

export const countKey = (changeId: string, scope?: string) => `${scope ?? ''}:${changeId}`;
