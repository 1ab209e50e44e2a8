import { describe, expect, it } from 'vitest';
import { isNotModified, validatorFor } from '@/lib/publish/conditional';
import { loadContent } from '@/lib/content/load';
import { checkContent } from '@/lib/content/check';

const content = loadContent('content');
const today = validatorFor(content, '2026-11-23');
const ask = (headers: Record<string, string>, method = 'GET') => isNotModified(method, new Headers(headers), today);

describe('validators: the build, the content and the date, never the body', () => {
  it('name the content and the date', () => {
    expect(today.etag).toMatch(/^"0-[0-9a-f]{16}-2026-11-23"$/);
    expect(today.lastModified).toBe('Mon, 23 Nov 2026 00:00:00 GMT');
    expect(validatorFor(content, '2026-11-24').etag).not.toBe(today.etag);
    expect(validatorFor(content, '2026-11-23')).toEqual(today);
  });

  it('change when the content does, even on the same day', () => {
    const other = checkContent('tests/fixtures/base-path').content!;
    expect(validatorFor(other, '2026-11-23').etag).not.toBe(today.etag);
    // The same files read again give the same version: several servers agree.
    expect(validatorFor(checkContent('content').content!, '2026-11-23').etag).toBe(today.etag);
  });
});

describe('conditional requests', () => {
  it('If-None-Match: the same tag (also weak, or among others) or *', () => {
    expect(ask({ 'if-none-match': today.etag })).toBe(true);
    expect(ask({ 'if-none-match': `W/${today.etag}` })).toBe(true);
    expect(ask({ 'if-none-match': `"x", ${today.etag}` })).toBe(true);
    expect(ask({ 'if-none-match': '*' })).toBe(true);
    expect(ask({ 'if-none-match': validatorFor(content, '2026-11-22').etag })).toBe(false);
    expect(ask({ 'if-none-match': '"x"' })).toBe(false);
  });

  it('If-Modified-Since: not modified since the start of the day; ignored beside If-None-Match', () => {
    expect(ask({ 'if-modified-since': today.lastModified })).toBe(true);
    expect(ask({ 'if-modified-since': 'Mon, 23 Nov 2026 09:30:00 GMT' })).toBe(true);
    expect(ask({ 'if-modified-since': 'Sun, 22 Nov 2026 23:59:59 GMT' })).toBe(false);
    expect(ask({ 'if-modified-since': 'yesterday' })).toBe(false);
    expect(ask({ 'if-none-match': '"x"', 'if-modified-since': today.lastModified })).toBe(false);
  });

  it('only for GET and HEAD', () => {
    expect(ask({ 'if-none-match': today.etag }, 'HEAD')).toBe(true);
    expect(ask({ 'if-none-match': today.etag }, 'POST')).toBe(false);
  });
});
