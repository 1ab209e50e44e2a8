import type { ReactNode } from 'react';
import { GROUNDS_LIMIT, LINE_LIMIT, type FieldProblem, type ObjectionValues } from '@/lib/notify/objections/fields';
import { href } from '@/lib/publish/urls';
import { Honeypot } from './honeypot';

/**
 * `change`, `scope`: the change and the list that named it. `token`: a subscriber's personal
 * link (no address asked for: it is taken from the subscription). `values`, `problems`,
 * `draft`: a refused form shown again, with what was typed, what to correct and the key of the
 * draft it came from (sent back, so the draft is replaced or deleted).
 */
type Props = { change: string; scope?: string; token?: string; values?: ObjectionValues; problems?: FieldProblem[]; draft?: string };

const box = 'mt-1 min-h-11 w-full max-w-xl rounded border border-slate-400 px-2 font-normal aria-invalid:border-2 aria-invalid:border-red-800';

/** The id of a field's input, which the list of problems links to. */
export const fieldId = (field: keyof ObjectionValues) => `objection-${field}`;

type FieldProps = { name: keyof ObjectionValues; label: string; hint?: string; problem?: string; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode };

/** A label, its hint and its problem above the box, which names both as its description. */
function Field({ name, label, hint, problem, children }: FieldProps) {
  const id = fieldId(name);
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col text-sm">
      <label htmlFor={id} className="font-medium text-slate-800">{label}</label>
      {hint && <span id={`${id}-hint`} className="text-slate-700">{hint}</span>}
      {problem && <span id={`${id}-problem`} className="font-semibold text-red-800">{problem}</span>}
      {children({ id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': described || undefined, className: box })}
    </div>
  );
}

/** The objection form: plain HTML posted to the same address, works without JavaScript. */
export function ObjectionForm({ change, scope, token, values, problems = [], draft }: Props) {
  const problem = (field: keyof ObjectionValues) => problems.find((item) => item.field === field)?.message;
  return (
    <form method="post" action={href('/subprocessors/object')} className="mt-6 space-y-4">
      <input type="hidden" name="change" value={change} />
      {scope && <input type="hidden" name="scope" value={scope} />}
      {token && <input type="hidden" name="token" value={token} />}
      {draft && <input type="hidden" name="draft" value={draft} />}
      <Field name="organisation" label="Organisation" problem={problem('organisation')}>
        {(props) => <input {...props} name="organisation" type="text" required maxLength={LINE_LIMIT} autoComplete="organization" defaultValue={values?.organisation} />}
      </Field>
      <Field name="name" label="Your name" problem={problem('name')}>
        {(props) => <input {...props} name="name" type="text" required maxLength={LINE_LIMIT} autoComplete="name" defaultValue={values?.name} />}
      </Field>
      {!token && (
        <Field name="email" label="Your e-mail address" hint="We send a link to confirm it, then the receipt with your reference." problem={problem('email')}>
          {(props) => <input {...props} name="email" type="email" required maxLength={254} autoComplete="email" defaultValue={values?.email} />}
        </Field>
      )}
      <Field name="grounds" label="Grounds of your objection" hint={`Why you object, and what you ask for. At most ${GROUNDS_LIMIT.toLocaleString('en-US')} characters.`} problem={problem('grounds')}>
        {(props) => <textarea {...props} className={`${props.className} py-1`} name="grounds" required rows={10} maxLength={GROUNDS_LIMIT} defaultValue={values?.grounds} />}
      </Field>
      <Field name="reference" label="Contract or DPA reference (optional)" problem={problem('reference')}>
        {(props) => <input {...props} name="reference" type="text" maxLength={LINE_LIMIT} defaultValue={values?.reference} />}
      </Field>
      <Honeypot />
      <button type="submit" className="h-11 rounded bg-slate-900 px-4 font-medium text-white">Send objection</button>
    </form>
  );
}
