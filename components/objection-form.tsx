import { GROUNDS_LIMIT, LINE_LIMIT } from '@/lib/notify/objections/fields';
import { href } from '@/lib/publish/urls';

/**
 * `change`, `scope`: the change and the list that named it. `token`: a subscriber's personal
 * link (no address asked for: it is taken from the subscription).
 */
type Props = { change: string; scope?: string; token?: string };

const field = 'mt-1 min-h-11 w-full max-w-xl rounded border border-slate-400 px-2 font-normal';
const label = 'flex flex-col text-sm font-medium text-slate-800';

/** The objection form: plain HTML posted to the same address, works without JavaScript. */
export function ObjectionForm({ change, scope, token }: Props) {
  return (
    <form method="post" action={href('/subprocessors/object')} className="mt-6 space-y-4">
      <input type="hidden" name="change" value={change} />
      {scope && <input type="hidden" name="scope" value={scope} />}
      {token && <input type="hidden" name="token" value={token} />}
      <label className={label}>
        Organisation
        <input name="organisation" type="text" required maxLength={LINE_LIMIT} autoComplete="organization" className={field} />
      </label>
      <label className={label}>
        Your name
        <input name="name" type="text" required maxLength={LINE_LIMIT} autoComplete="name" className={field} />
      </label>
      {!token && (
        <label className={label}>
          Your e-mail address
          <span className="font-normal text-slate-700">We send a link to confirm it, then the receipt with your reference.</span>
          <input name="email" type="email" required maxLength={254} autoComplete="email" className={field} />
        </label>
      )}
      <label className={label}>
        Grounds of your objection
        <span className="font-normal text-slate-700">Why you object, and what you ask for. At most {GROUNDS_LIMIT.toLocaleString('en-US')} characters.</span>
        <textarea name="grounds" required rows={10} maxLength={GROUNDS_LIMIT} className={`${field} py-1`} />
      </label>
      <label className={label}>
        Contract or DPA reference (optional)
        <input name="reference" type="text" maxLength={LINE_LIMIT} className={field} />
      </label>
      {/* Only bots fill in a field that people cannot see. */}
      <div aria-hidden="true" className="hidden">
        <label>
          Website <input name="website" type="text" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <button type="submit" className="h-11 rounded bg-slate-900 px-4 font-medium text-white">Send objection</button>
    </form>
  );
}
