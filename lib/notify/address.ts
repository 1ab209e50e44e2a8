import { domainToASCII } from 'node:url';

/** RFC 5321's limit on a forward path, which every SMTP server enforces. */
export const MAX_ADDRESS = 254;

// The local part as RFC 5322's dot-atom: no quoting, no spaces, no control characters.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type AddressResult = { ok: true; address: string } | { ok: false; message: string };

/**
 * An address as typed into the form, checked strictly before it goes anywhere near a mail
 * header: one line, at most 254 characters, a plain local part, and a domain with a dot.
 * An internationalised domain is stored in its ASCII (punycode) form, which every server
 * accepts; a non-ASCII local part needs SMTPUTF8, which many servers lack, so it is refused.
 */
export function parseAddress(input: string): AddressResult {
  const value = input.trim();
  if (!value) return { ok: false, message: 'Enter an e-mail address.' };
  if (value.length > MAX_ADDRESS) return { ok: false, message: `An e-mail address has at most ${MAX_ADDRESS} characters.` };
  if (/[\u0000-\u001f\u007f\s,;<>"()[\]\\]/u.test(value)) return { ok: false, message: 'Enter a single e-mail address, such as name@example.com.' };
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (at < 1 || !domain) return { ok: false, message: 'Enter a single e-mail address, such as name@example.com.' };
  if (!LOCAL.test(local) || local.length > 64) return { ok: false, message: 'The part before the @ may use only letters a-z, digits and . _ + - (no accents).' };
  const ascii = domainToASCII(domain.toLowerCase());
  const labels = ascii.split('.');
  if (!ascii || labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
    return { ok: false, message: 'The part after the @ is not a valid domain name.' };
  }
  const address = `${local.toLowerCase()}@${ascii}`;
  if (address.length > MAX_ADDRESS) return { ok: false, message: `An e-mail address has at most ${MAX_ADDRESS} characters.` };
  return { ok: true, address };
}
