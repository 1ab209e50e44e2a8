import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { atomFeed, changesCalendar, historyJson, jsonText, listJson, listJsonV1 } from '@/lib/publish/exports';
import { generateContent } from '@/scripts/bench/generate';

// What one poll costs at 1,000 generated subprocessors (3–5 changes each), as the benchmark generates them.
const dir = generateContent(fs.mkdtempSync(path.join(os.tmpdir(), 'sizes-')), 1000);
const content = checkContent(dir).content!;
const TODAY = '2026-11-23';
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const kb = (text: string) => Math.round(Buffer.byteLength(text) / 1024);
function firstRender(render: () => string) {
  const started = performance.now();
  const text = render();
  return { text, ms: performance.now() - started };
}

describe('at 1,000 entries a poll downloads what a follower needs, not the whole history', () => {
  it('the calendar renders in under 200 ms the first time, and holds the year before today and what is ahead', () => {
    const { text, ms } = firstRender(() => changesCalendar(content, TODAY));
    expect(ms).toBeLessThan(200);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(118);
    expect(kb(text)).toBe(42);
    const all = changesCalendar(content, TODAY, { all: true });
    expect(all.match(/BEGIN:VEVENT/g)).toHaveLength(6960);
    expect(kb(all)).toBe(2424);
  });

  it('the feed has the newest 50 changes; the JSON the list without its history, which has its own address', () => {
    expect(kb(atomFeed(content, TODAY))).toBe(24);
    expect(kb(jsonText(listJson(content, TODAY)))).toBe(852);
    expect(kb(jsonText(historyJson(content, TODAY)))).toBe(1260);
    // Version 1, still served for those not yet moved, has both.
    expect(kb(jsonText(listJsonV1(content, TODAY)))).toBe(2111);
  });
});
