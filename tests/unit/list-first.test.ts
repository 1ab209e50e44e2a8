import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListSummary } from '@/components/list-summary';
import { checkContent } from '@/lib/content/check';
import { createMailer } from '@/lib/notify/mailer';

const twoCloud = checkContent('examples/two-cloud').content!;

describe('the summary line', () => {
  it('says "1 subprocessor", not "1 subprocessors"', () => {
    const props = { date: '2026-11-23', listChanged: '2026-04-01', upcoming: [], site: twoCloud.site };
    expect(renderToStaticMarkup(createElement(ListSummary, { ...props, count: 1 }))).toContain('<strong>1 subprocessor</strong>');
    expect(renderToStaticMarkup(createElement(ListSummary, { ...props, count: 2 }))).toContain('<strong>2 subprocessors</strong>');
  });
});

describe('replies to a notice', () => {
  it('go to the objections contact when site.yaml names no reply_to', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
    const site = { ...twoCloud.site, notifications: { from: 'notices@lantern-analytics.example' } };
    const mailer = createMailer(site, { kind: 'outbox', dir }, () => {});
    await mailer.send({ to: 'a@example.com', messageId: '<m@lantern-analytics.example>', message: { subject: 'S', text: 'T', html: '<p>T</p>' } });
    const [file] = fs.readdirSync(dir);
    expect(fs.readFileSync(path.join(dir, file), 'utf8')).toMatch(/^Reply-To: dpo@lantern-analytics\.example$/m);
    fs.rmSync(dir, { recursive: true });
  });
});
