import { ADDRESS_PROBLEMS, parseAddress } from '../address';

/** The objection form's fields and their limits: the page, the handler and the page shown again on a refusal use these. */
export const GROUNDS_LIMIT = 10_000;
export const LINE_LIMIT = 200;
/** The grounds at their limit, every character a multi-byte one, percent-encoded, fit; anything larger is refused with 413 before it is read. */
export const OBJECTION_BODY_LIMIT = 160 * 1024;

/** What a visitor is told when a personal link cannot be used: the same whether it was forged, another subscriber's, for another change, or expired. */
export const LINK_NOTE = 'The personal link you used is not valid for this change (it may have expired). Enter your e-mail address: we will send a link to confirm your objection.';

export type ObjectionValues = { organisation: string; name: string; email: string; grounds: string; reference: string };
export type FieldProblem = { field: keyof ObjectionValues; message: string };

/**
 * Invisible characters nobody types on purpose, dropped from every field: C1 control characters
 * (U+009B starts a terminal escape sequence in the register's output), the bidirectional
 * embeddings, overrides and isolates (they make "Good Corp" display in another order than it
 * is stored, in the copy's subject and the register), zero-width spaces and byte-order marks.
 */
const INVISIBLE = /[\u0080-\u009f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
/** One line: control characters and line breaks become spaces (the values go into e-mail headers and CSV). */
const line = (value: string | null) => (value ?? '').replace(INVISIBLE, '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
/** Text: line breaks kept as \n, other control characters dropped. */
const text = (value: string | null) => (value ?? '').replace(INVISIBLE, '').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();

export function objectionValues(fields: URLSearchParams): ObjectionValues {
  return { organisation: line(fields.get('organisation')), name: line(fields.get('name')), email: line(fields.get('email')), grounds: text(fields.get('grounds')), reference: line(fields.get('reference')) };
}

/** What is wrong with the values, each named by field, in the order of the form; `withEmail`: whether the address is asked for. */
export function objectionProblems(values: ObjectionValues, withEmail: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (field: keyof ObjectionValues, label: string, required: boolean, limit: number) => {
    const value = values[field];
    if (required && !value) problems.push({ field, message: `Enter ${label}.` });
    else if ([...value].length > limit) problems.push({ field, message: `${label[0].toUpperCase()}${label.slice(1)} can have at most ${limit.toLocaleString('en-US')} characters; this has ${[...value].length.toLocaleString('en-US')}.` });
  };
  check('organisation', 'your organisation', true, LINE_LIMIT);
  check('name', 'your name', true, LINE_LIMIT);
  if (withEmail) {
    const parsed = parseAddress(values.email);
    if (!parsed.ok) problems.push({ field: 'email', message: ADDRESS_PROBLEMS[parsed.problem] });
  }
  check('grounds', 'the grounds of your objection', true, GROUNDS_LIMIT);
  check('reference', 'the contract or DPA reference', false, LINE_LIMIT);
  return problems;
}
