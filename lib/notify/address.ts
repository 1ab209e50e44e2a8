import { domainToASCII } from 'node:url';

/** RFC 5321's limit on a forward path, which every SMTP server enforces. */
export const MAX_ADDRESS = 254;

// The local part as RFC 5322's dot-atom: no quoting, no spaces, no control characters.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Why an address was refused; the page shows the message for the code (a code, so a link cannot put words on the page). */
export const ADDRESS_PROBLEMS = {
  empty: 'Enter an e-mail address.',
  long: `An e-mail address has at most ${MAX_ADDRESS} characters.`,
  format: 'Enter a single e-mail address, such as name@example.com.',
  local: 'The part before the @ may use only letters a-z, digits and . _ + - (no accents).',
  domain: 'The part after the @ is not a valid domain name.',
} as const;
export type AddressProblem = keyof typeof ADDRESS_PROBLEMS;

export type AddressResult = { ok: true; address: string } | { ok: false; problem: AddressProblem; message: string };
const refuse = (problem: AddressProblem): AddressResult => ({ ok: false, problem, message: ADDRESS_PROBLEMS[problem] });

/**
 * An address as typed into the form, checked strictly before it goes anywhere near a mail
 * header: one line, at most 254 characters, a plain local part, and a domain with a dot.
 * An internationalised domain is stored in its ASCII (punycode) form, which every server
 * accepts; a non-ASCII local part needs SMTPUTF8, which many servers lack, so it is refused.
 */
export function parseAddress(input: string): AddressResult {
  const value = input.trim();
  if (!value) return refuse('empty');
  if (value.length > MAX_ADDRESS) return refuse('long');
  if (/[\u0000-\u001f\u007f\s,;<>"()[\]\\]/u.test(value)) return refuse('format');
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (at < 1 || !domain) return refuse('format');
  if (!LOCAL.test(local) || local.length > 64) return refuse('local');
  const ascii = domainToASCII(domain.toLowerCase());
  const labels = ascii.split('.');
  if (!ascii || labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
    return refuse('domain');
  }
  const address = `${local.toLowerCase()}@${ascii}`;
  if (address.length > MAX_ADDRESS) return refuse('long');
  return { ok: true, address };
}
