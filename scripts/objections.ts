/**
 * `npm run objections`: the register of objections (SPEC §9): reference, change, organisation,
 * received, on time or late, and the current state with its outcome. `--csv`: one row each, with
 * every field and the whole history of states.
 * `npm run objections -- resolve <reference> --outcome <withdrawn|alternative|not-engaged|terminated|other> --note "…" [--quiet]`:
 * records the outcome as a new state (the earlier ones stay) and e-mails the objector, unless `--quiet`.
 */
import { stringify } from 'csv-stringify/sync';
import { loadContent } from '../lib/content/load';
import { resolveNow } from '../lib/content/today';
import { database } from '../lib/notify/db';
import { isOutcome, objectionRegister, OUTCOMES, resolveObjection, stateText } from '../lib/notify/objections';
import { notifyNow } from '../lib/notify/run';

const USAGE = `Usage: npm run objections [-- --csv]\n       npm run objections -- resolve <reference> --outcome <${OUTCOMES.join('|')}> --note "…" [--quiet]`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** A CSV cell that a spreadsheet will not run as a formula: values come from a public form. */
const cell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

async function resolve(args: string[]): Promise<number> {
  const [reference] = args;
  const outcome = option(args, '--outcome') ?? '';
  const note = option(args, '--note') ?? '';
  if (!reference || !isOutcome(outcome) || !note.trim()) {
    console.error(USAGE);
    return 2;
  }
  const content = loadContent();
  const db = await database();
  const quiet = args.includes('--quiet');
  const result = await resolveObjection(db, { reference, outcome, note: note.trim(), at: resolveNow(content.site).toISOString(), by: 'command', quiet });
  if (!result) {
    console.error(`There is no objection ${reference}. npm run objections lists them.`);
    return 1;
  }
  console.log(`Recorded for ${reference}: resolved, ${outcome}.${quiet ? ' The objector was not e-mailed (--quiet).' : ''}`);
  if (!quiet) {
    // The e-mail is a queued delivery like any other; sent now, retried by the scheduler if this fails.
    const sent = await notifyNow();
    console.log('off' in sent ? `E-mail is off (${sent.off}): the objector's e-mail waits in the queue.` : 'The objector was e-mailed the outcome.');
  }
  return 0;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === 'resolve') return resolve(args.slice(1));
  if (args.some((arg) => arg !== '--csv')) {
    console.error(USAGE);
    return 2;
  }
  const db = await database();
  const register = await objectionRegister(db);
  if (args.includes('--csv')) {
    process.stdout.write(stringify([['reference', 'change', 'scope', 'organisation', 'name', 'email', 'contract_reference', 'received_at', 'deadline', 'on_time', 'verified_by', 'state', 'outcome', 'note', 'state_at', 'history', 'grounds']]));
    for (const o of register) {
      const last = o.states.at(-1)!;
      const history = o.states.map((s) => `${s.at} ${s.state}${s.outcome ? ` ${s.outcome}` : ''}`).join('; ');
      const row = [o.reference, o.changeId, o.scope ?? '', o.organisation, o.name, o.email, o.contractReference ?? '', o.receivedAt, o.deadline, o.onTime ? 'on time' : 'late', o.verifiedBy, last.state === 'resolved' ? 'resolved' : 'open', last.outcome ?? '', last.note ?? '', last.at, history, o.grounds];
      process.stdout.write(stringify([row.map(cell)]));
    }
    return 0;
  }
  if (register.length === 0) console.log('No objections.');
  for (const o of register) {
    console.log(`${o.reference}  ${o.changeId}${o.scope ? ` (${o.scope})` : ''}  ${o.organisation}  received ${o.receivedAt}  ${o.onTime ? 'on time' : 'LATE'}  ${stateText(o)}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
