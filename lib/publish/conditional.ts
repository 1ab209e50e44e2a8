import { createHash } from 'node:crypto';
import { startOfDay, type IsoDate } from '../content/dates';
import { canonicalJson } from '../timeline/fingerprint';
import type { Content } from '../content/schema';

/**
 * Validators for conditional requests (RFC 9110 §13) that cost nothing per request: every
 * page and export is a function of the code (the build), the content and the date it is
 * rendered for, so those three name its version. No hash of the body: hashing a 2 MB export
 * on each request is what made Next.js's own ETags too slow to keep (next.config.ts).
 */

/** When this build was made, in whole seconds (next.config.ts sets it; 0 outside a build, e.g. in tests). */
const BUILT_AT = Number(process.env.SUBPROCESSORS_BUILT_AT ?? 0);

/** Exports served from the page cache with the validators their route handlers set (besides the feed's archive pages). */
export const EXPORTS = ['/subprocessors.json', '/subprocessors-history.json', '/subprocessors.v1.json', '/subprocessors.csv', '/subprocessors/feed.xml', '/subprocessors/changes.ics', '/subprocessors/changes-all.ics', '/sitemap.xml'];

export type Validator = { etag: string; lastModified: string };

/** Content hashes, once per loaded content: a server keeps the content it started with. */
const versions = new WeakMap<Content, string>();

function contentVersion(content: Content): string {
  let version = versions.get(content);
  if (!version) {
    version = createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 16);
    versions.set(content, version);
  }
  return version;
}

let last: { content: Content; date: IsoDate; validator: Validator } | undefined;

/**
 * `ETag` and `Last-Modified` of everything rendered from `content` on `date`. The date's
 * start stands for the moment the response last changed (a later build moves it on), so a
 * client that sends back the `Last-Modified` it got gets a 304 until the next day or deploy.
 */
export function validatorFor(content: Content, date: IsoDate): Validator {
  if (last?.content !== content || last.date !== date) {
    const modified = Math.max(startOfDay(date).getTime(), BUILT_AT * 1000);
    last = { content, date, validator: { etag: `"${BUILT_AT.toString(36)}-${contentVersion(content)}-${date}"`, lastModified: new Date(modified).toUTCString() } };
  }
  return last.validator;
}

/**
 * Whether the client's copy is current: `If-None-Match` when sent (weak comparison, §13.1.2),
 * otherwise `If-Modified-Since`. Only for GET and HEAD, like every cache.
 */
export function isNotModified(method: string, headers: Headers, { etag, lastModified }: Validator): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const match = headers.get('if-none-match');
  if (match !== null) return match.trim() === '*' || match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
  const since = Date.parse(headers.get('if-modified-since') ?? '');
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}
