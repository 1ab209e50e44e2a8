import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '@/lib/content/source';

/** The README is the front door: it must fit on a screen or two; reference goes in docs/. */
const README_MAX_LINES = 250;

const ROOT = process.cwd();

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(file);
    return entry.name.endsWith('.md') ? [file] : [];
  });
}

/** The text outside fenced code blocks, line by line (fenced lines become empty, so line numbers stay). */
function proseLines(text: string): string[] {
  let fence: string | undefined;
  return text.split('\n').map((line) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line;
  });
}

const withoutCodeSpans = (line: string) => line.replace(/(`+)[^`]*?\1/g, '');

/** GitHub's anchor for a heading (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link or image counts by its text
    .replace(/<[^>]+>/g, '')
    .replace(/[`*]/g, '');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a file offers: its headings (repeated ones get -1, -2, … as on GitHub) and explicit `<a id>` / `<a name>`. */
function anchors(file: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(fs.readFileSync(file, 'utf8'))) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      found.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) found.add(match[1]);
  }
  return found;
}

type Link = { file: string; line: number; target: string };

/** Inline links and images, and reference definitions, outside code. */
function links(file: string): Link[] {
  return proseLines(fs.readFileSync(file, 'utf8')).flatMap((text, index) => {
    const line = withoutCodeSpans(text);
    const inline = [...line.matchAll(/!?\[(?:[^\][]|\[[^\]]*\])*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]);
    const reference = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line)?.[1];
    return [...inline, ...(reference ? [reference] : [])].map((target) => ({ file, line: index + 1, target }));
  });
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/** Why a relative link does not resolve, or undefined when it does. */
function brokenLink({ file, target }: Link): string | undefined {
  const [rawPath, anchor] = target.split('#', 2) as [string, string | undefined];
  const pathPart = decodeURIComponent(rawPath);
  if (pathPart.startsWith('/')) return 'is an absolute path: GitHub resolves it from the host, not the repository; write it relative to this file';
  const resolved = pathPart === '' ? file : path.resolve(path.dirname(file), pathPart);
  const inRepo = path.relative(ROOT, resolved);
  if (inRepo.startsWith('..') || path.isAbsolute(inRepo)) return 'points outside the repository';
  if (!fs.existsSync(resolved)) return `${inRepo} does not exist`;
  if (anchor === undefined || anchor === '') return undefined;
  if (!resolved.endsWith('.md')) return `has an anchor, but ${inRepo} is not a Markdown file`;
  return anchors(resolved).has(decodeURIComponent(anchor)) ? undefined : `${inRepo} has no heading with the anchor #${anchor}`;
}

describe('README.md and docs/', () => {
  const files = [path.join(ROOT, 'README.md'), ...markdownFiles(path.join(ROOT, 'docs'))];

  it('finds the pages and their links', () => {
    expect(files.map((file) => path.relative(ROOT, file))).toContain('docs/editing.md');
    expect(files.flatMap(links).filter((link) => !isExternal(link.target)).length).toBeGreaterThan(20);
  });

  it('every relative link and image resolves to a file in the repository, and every #anchor to a heading', () => {
    const broken = files
      .flatMap(links)
      .filter((link) => !isExternal(link.target))
      .flatMap((link) => {
        const problem = brokenLink(link);
        return problem ? [`${path.relative(ROOT, link.file)}:${link.line}: (${link.target}) ${problem}`] : [];
      });
    expect(broken).toEqual([]);
  });

  it(`README.md is a front door of at most ${README_MAX_LINES} lines`, () => {
    const lines = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\n$/, '').split('\n').length;
    expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
  });
});

describe('GitHub heading anchors', () => {
  it.each([
    ['Scopes: several lists in one', 'scopes-several-lists-in-one'],
    ["Change a subprocessor's details", 'change-a-subprocessors-details'],
    ['`/subprocessors.json`', 'subprocessorsjson'],
    ['E-mail notices to subscribers', 'e-mail-notices-to-subscribers'],
    ['Conditional requests (ETag, 304)', 'conditional-requests-etag-304'],
    ['Embedding the list in your privacy policy', 'embedding-the-list-in-your-privacy-policy'],
    ['`lib/notify/` — e-mail notices', 'libnotify--e-mail-notices'],
    ['A static CDN (S3, GitHub Pages, Netlify, Cloudflare Pages, …)', 'a-static-cdn-s3-github-pages-netlify-cloudflare-pages-'],
    ['[Linked](other.md) *and* `code`', 'linked-and-code'],
  ])('%s -> #%s', (heading, anchor) => {
    expect(slug(heading)).toBe(anchor);
  });
});

describe('the YAML examples in the README and docs/', () => {
  const blocks = [path.join(ROOT, 'README.md'), ...markdownFiles(path.join(ROOT, 'docs'))].flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((match) => ({ file: path.relative(ROOT, file), yaml: match[1] })),
  );

  it('are there to check', () => expect(blocks.length).toBeGreaterThan(10));

  it('lose nothing to a comment: no text value is cut by ` #`', () => {
    const cut = blocks.flatMap(({ file, yaml }) => parseYaml(file, yaml).cuts.map((problem) => `${file}: ${problem.message}`));
    expect(cut).toEqual([]);
  });
});
