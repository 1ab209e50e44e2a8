import { htmlText } from '../../content/html';
import type { Site } from '../../content/schema';
import { href } from '../../publish/urls';
import { GROUNDS_LIMIT, LINE_LIMIT, type FieldProblem, type ObjectionValues } from './fields';

/**
 * The form again, with what the visitor typed and what is wrong, as the answer to a refused
 * post (status 400): nothing typed is lost, and it needs no JavaScript and nothing stored.
 * A plain page built here, every value escaped, since a route handler renders no components.
 * `token`: the personal link's key, kept when it is valid; else the address is asked for.
 */
export type RefusedForm = { site: Pick<Site, 'company'>; change: { id: string; scope?: string; title: string }; values: ObjectionValues; problems: FieldProblem[]; token?: string; note?: string };

const input = (name: keyof ObjectionValues, label: string, value: string, { type = 'text', required = true, hint = '' } = {}) =>
  `<p><label for="objection-${name}">${htmlText(label)}</label>${hint ? `<br><small>${htmlText(hint)}</small>` : ''}<br><input id="objection-${name}" name="${name}" type="${type}" value="${htmlText(value)}" maxlength="${type === 'email' ? 254 : LINE_LIMIT}"${required ? ' required' : ''} style="width:100%;max-width:32rem;min-height:44px"></p>`;

export function refusedFormPage({ site, change, values, problems, token, note }: RefusedForm): Response {
  const hidden = [['change', change.id], ['scope', change.scope ?? ''], ['token', token ?? '']].filter(([, value]) => value).map(([name, value]) => `<input type="hidden" name="${name}" value="${htmlText(value)}">`);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${htmlText(`Object to a change · ${site.company.name}`)}</title></head>
<body style="font-family:sans-serif;line-height:1.5;max-width:40rem;margin:1rem auto;padding:0 1rem">
<main>
<h1>Object to a change</h1>
<p><strong>${htmlText(change.title)}</strong></p>
<div role="alert"><p><strong>Your objection was not sent yet.</strong> Correct the following and send it again; what you typed is below.</p>
<ul>${[...(note ? [note] : []), ...problems.map((problem) => problem.message)].map((message) => `<li>${htmlText(message)}</li>`).join('')}</ul></div>
<form method="post" action="${htmlText(href('/subprocessors/object'))}">
${hidden.join('\n')}
${input('organisation', 'Organisation', values.organisation)}
${input('name', 'Your name', values.name)}
${token ? '' : input('email', 'Your e-mail address', values.email, { type: 'email', hint: 'We send a link to confirm it, then the receipt.' })}
<p><label for="objection-grounds">Grounds of your objection</label><br><small>At most ${GROUNDS_LIMIT.toLocaleString('en-US')} characters.</small><br><textarea id="objection-grounds" name="grounds" rows="10" maxlength="${GROUNDS_LIMIT}" required style="width:100%;max-width:32rem">${htmlText(values.grounds)}</textarea></p>
${input('reference', 'Contract or DPA reference (optional)', values.reference, { required: false })}
<div aria-hidden="true" style="display:none"><label>Website <input name="website" type="text" tabindex="-1" autocomplete="off"></label></div>
<p><button type="submit" style="min-height:44px">Send objection</button></p>
</form>
</main>
</body></html>
`;
  return new Response(html, { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
