import { formatDate, type IsoDate } from '../content/dates';
import { htmlText } from '../content/html';
import type { ChangeNotice, ObjectionForm, Segment } from '../publish/notice';
import type { Site } from '../content/schema';

/**
 * E-mails as pure functions of a view: `{ subject, text, html }`, the text and the HTML
 * built from the same values, every one escaped in the HTML (content is untrusted input).
 * Headers (From, Message-ID, List-Unsubscribe) are added in one place, `mailer.ts`.
 */
export type Message = { subject: string; text: string; html: string };

/** `scopes`: with more than one list, the footer's link also changes which lists a subscriber gets. */
type Company = Pick<Site, 'company' | 'product'> & Partial<Pick<Site, 'scopes'>>;
/** `scope`: the title of the scope whose list the notice is of (SPEC §8); none for the full list. */
/**
 * `objectUrl`: the recipient's own link to a change's objection form (lib/notify/objections/link.ts);
 * without it, the form's public address.
 */
export type DayView = { site: Company; scope?: string; day: IsoDate; notices: ChangeNotice[]; versionUrl: string; changesUrl: string; unsubscribeUrl: string; objectUrl?: Personal };
export type WelcomeView = { site: Company; scope?: string; today: IsoDate; notices: ChangeNotice[]; listUrl: string; unsubscribeUrl: string; objectUrl?: Personal };
export type Personal = (form: ObjectionForm) => string;
/**
 * `scopes`: the titles of the scopes chosen with the request; none for the full list.
 * `current`: for an address already subscribed, the titles of the scopes it gets now (none:
 * the full list), so the e-mail reads as the change it is.
 */
export type ConfirmView = { site: Company; scopes?: string[]; current?: string[]; confirmUrl: string; days: number };

export const listName = (site: Company, scope?: string) => `${site.company.name}'s list of subprocessors${site.product ? ` for ${site.product}` : ''}${scope ? ` (${scope})` : ''}`;
/** The start of a subject line: the company, and the scope when the notice is of one scope's list. */
const sender = (site: Company, scope?: string) => `${site.company.name}${scope ? ` (${scope})` : ''}`;
const textOf = (segments: Segment[]) => segments.map((part) => (typeof part === 'string' ? part : part.strong)).join('');
const htmlOf = (segments: Segment[]) => segments.map((part) => (typeof part === 'string' ? htmlText(part) : `<strong>${htmlText(part.strong)}</strong>`)).join('');
const link = (url: string, label = url) => `<a href="${htmlText(url)}">${htmlText(label)}</a>`;
const paragraph = (inner: string) => `<p style="margin:0 0 12px">${inner}</p>`;

/** Right under each change's heading: until when, and how, to object: the form (this recipient's link) where there is one, the objections address always. */
function objectText(objection: NonNullable<ChangeNotice['objection']>, personal?: Personal): string {
  if (!objection.form) return `Object by ${objection.at}: write to ${objection.email} (subject: "${objection.subject}").`;
  const form = personal ? `with this form (your personal link, no sign-in): ${personal(objection.form)}` : `with this form: ${objection.form.url}`;
  return `Object by ${objection.at} ${form}\nQuestions about objecting: ${objection.email}.`;
}

function objectHtml(objection: NonNullable<ChangeNotice['objection']>, personal?: Personal): string {
  if (!objection.form) return paragraph(`<strong>Object by ${htmlText(objection.at)}</strong>: ${link(objection.mailto, `write to ${objection.email}`)}.`);
  const form = personal ? `${link(personal(objection.form), 'object with the form')} (your personal link, no sign-in)` : link(objection.form.url, 'object with the form');
  return paragraph(`<strong>Object by ${htmlText(objection.at)}</strong>: ${form}. Questions about objecting: ${link(`mailto:${objection.email}`, objection.email)}.`);
}

function noticeText(notice: ChangeNotice, personal?: Personal): string {
  return [
    notice.subject,
    ...(notice.objection ? [objectText(notice.objection, personal)] : []),
    '',
    textOf(notice.intro),
    '',
    notice.summary,
    ...(notice.urgent ? ['', notice.urgent] : []),
    '',
    ...notice.fields.map(({ label, value }) => `- ${label}: ${value}`),
    ...(notice.changes.length ? ['', 'What changes:', ...notice.changes.map(({ label, before, after }) => `- ${label}\n  Before: ${before}\n  After: ${after}`)] : []),
    '',
    ...(notice.objection ? [] : [`Questions: ${notice.questions}.`, '']),
    `Details: ${notice.url}`,
  ].join('\n');
}

function noticeHtml(notice: ChangeNotice, personal?: Personal): string {
  return [
    `<h2 style="font-size:18px;margin:24px 0 8px">${htmlText(notice.subject)}</h2>`,
    notice.objection ? objectHtml(notice.objection, personal) : '',
    paragraph(htmlOf(notice.intro)),
    paragraph(htmlText(notice.summary)),
    notice.urgent ? paragraph(`<strong>${htmlText(notice.urgent)}</strong>`) : '',
    `<ul>${notice.fields.map(({ label, value }) => `<li><strong>${htmlText(label)}:</strong> ${htmlText(value)}</li>`).join('')}</ul>`,
    notice.changes.length
      ? `<p>What changes:</p><ul>${notice.changes.map(({ label, before, after }) => `<li><strong>${htmlText(label)}</strong><br>Before: ${htmlText(before)}<br>After: ${htmlText(after)}</li>`).join('')}</ul>`
      : '',
    notice.objection ? '' : paragraph(`Questions: ${link(`mailto:${notice.questions}`, notice.questions)}.`),
    paragraph(`Details: ${link(notice.url)}`),
  ].join('\n');
}

/** Every notice ends with why it came and the subscriber's own page: change the lists they get, or unsubscribe. */
function footer(site: Company, unsubscribeUrl: string, scope?: string): { text: string; html: string } {
  const why = `You receive this because you subscribed to e-mails about changes to ${listName(site, scope)}.`;
  const action = site.scopes ? 'Change which lists you receive, or unsubscribe' : 'Unsubscribe';
  return {
    text: `--\n${why}\n${action} (one click, no login): ${unsubscribeUrl}`,
    html: `<hr><p style="font-size:13px;color:#555">${htmlText(why)} ${link(unsubscribeUrl, action)} (one click, no login).</p>`,
  };
}

/** Subject lines stay short enough for an inbox, and one line whatever the content holds. */
const SUBJECT_LENGTH = 150;

/**
 * "Securicom: adding Intercom; Sentry moves to Germany — object by January 3, 2027": the
 * subject names the vendors and the earliest deadline, so the e-mail sorts itself in an inbox.
 * Changes that do not fit are counted ("and 2 more").
 */
export function daySubject(site: Company, scope: string | undefined, notices: readonly ChangeNotice[]): string {
  const deadlines = notices.flatMap((notice) => (notice.objection ? [notice.objection.deadline] : [])).sort();
  const end = deadlines.length ? ` \u2014 object by ${formatDate(deadlines[0])}` : '';
  const start = `${sender(site, scope)}: `;
  const names = notices.map((notice) => notice.headline);
  let shown = names.length;
  const text = (count: number) => `${start}${names.slice(0, count).join('; ')}${count < names.length ? ` and ${names.length - count} more` : ''}${end}`;
  while (shown > 1 && text(shown).length > SUBJECT_LENGTH) shown--;
  return text(shown).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

export const page = (body: string) => `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:640px">\n${body}\n</body></html>`;

/** The one e-mail of an announcement day: every change announced that day. */
export function dayMessage(view: DayView): Message {
  const { site, scope, notices } = view;
  const day = formatDate(view.day);
  const subject = daySubject(site, scope, notices);
  const lead = `${site.company.name} announced ${notices.length === 1 ? 'a change' : `${notices.length} changes`} to ${listName(site, scope)} on ${day}.`;
  const end = footer(site, view.unsubscribeUrl, scope);
  return {
    subject,
    text: [lead, ...notices.map((notice) => noticeText(notice, view.objectUrl)), `The list as of ${day}: ${view.versionUrl}\nEvery change: ${view.changesUrl}`, end.text].join('\n\n'),
    html: page([paragraph(htmlText(lead)), ...notices.map((notice) => noticeHtml(notice, view.objectUrl)), paragraph(`${link(view.versionUrl, `The list as of ${day}`)} · ${link(view.changesUrl, 'Every change')}`), end.html].join('\n')),
  };
}

/** Sent on confirming: every change announced and not yet in effect, and urgent ones still open to objection, each with its deadline where objection applies. */
export function welcomeMessage(view: WelcomeView): Message {
  const { site, scope, notices } = view;
  const lead = `You will now receive an e-mail on each day ${site.company.name} announces a change to ${listName(site, scope)}.`;
  const open = notices.length
    ? `${notices.length === 1 ? 'One change is' : `${notices.length} changes are`} announced and not yet in effect${notices.some((notice) => notice.inEffect) ? ', or urgent and still open to objection' : ''}:`
    : `No change is announced and not yet in effect as of ${formatDate(view.today)}.`;
  const end = footer(site, view.unsubscribeUrl, scope);
  return {
    subject: `${sender(site, scope)}: you are subscribed to subprocessor changes`,
    text: [lead, open, ...notices.map((notice) => noticeText(notice, view.objectUrl)), `The current list: ${view.listUrl}`, end.text].join('\n\n'),
    html: page([paragraph(htmlText(lead)), paragraph(htmlText(open)), ...notices.map((notice) => noticeHtml(notice, view.objectUrl)), paragraph(link(view.listUrl, 'The current list')), end.html].join('\n')),
  };
}

const choiceOf = (scopes?: string[]) => (scopes?.length ? `only the changes that concern ${scopes.join('; ')} (one e-mail for each on a day that concerns several)` : 'every change to the list');

/** The double opt-in e-mail: a link to a page with a Confirm button. */
export function confirmMessage(view: ConfirmView): Message {
  if (view.current) return changeMessage({ ...view, current: view.current });
  const lead = `Someone, hopefully you, asked to receive e-mails about changes to ${listName(view.site)} at this address.`;
  const scopes = view.scopes?.length ? [`Only the changes that concern: ${view.scopes.join('; ')} (one e-mail for each on a day that concerns several).`] : [];
  const action = `To confirm, open this link within ${view.days} days and press Confirm:`;
  const ignore = 'If it was not you, ignore this e-mail: nothing will be sent to you.';
  return {
    subject: `${view.site.company.name}: confirm your subscription to subprocessor changes`,
    text: [lead, ...scopes, `${action}\n${view.confirmUrl}`, ignore].join('\n\n'),
    html: page([paragraph(htmlText(lead)), ...scopes.map((line) => paragraph(htmlText(line))), paragraph(`${htmlText(action)}<br>${link(view.confirmUrl)}`), paragraph(htmlText(ignore))].join('\n')),
  };
}

/** For a subscriber: a request for other lists is a change, shown as one, that nothing applies until confirmed. */
function changeMessage(view: ConfirmView & { current: string[] }): Message {
  const lines = [
    `This address is subscribed to e-mails about changes to ${listName(view.site)}.`,
    `Someone, hopefully you, asked to change which changes it receives:`,
    `Now: ${choiceOf(view.current)}.\nRequested: ${choiceOf(view.scopes)}.`,
    `Nothing changes unless you confirm: until then you keep receiving ${choiceOf(view.current)}.`,
  ];
  const action = `To make this change, open this link within ${view.days} days and press Confirm:`;
  const ignore = 'If it was not you, ignore this e-mail: your subscription stays as it is.';
  return {
    subject: `${view.site.company.name}: confirm a change to your subscription to subprocessor changes`,
    text: [...lines, `${action}\n${view.confirmUrl}`, ignore].join('\n\n'),
    html: page([...lines.map((line) => paragraph(htmlText(line).replace('\n', '<br>'))), paragraph(`${htmlText(action)}<br>${link(view.confirmUrl)}`), paragraph(htmlText(ignore))].join('\n')),
  };
}
