import fs from 'node:fs';
import path from 'node:path';
import { invalidUtf8, unsafeLines, unsafeValues } from './characters';
import { displayPath, type Collector } from './collector';
import type { Source } from './source';

/** Limits that keep any folder's check within seconds: far above what a real list needs. */
const MAX_FILE_BYTES = 512 * 1024;
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
const MAX_FILES = 5_000;
/** What may stand at the top of a content folder. */
const LAYOUT = ['site.yaml', 'sections', 'subprocessors', 'README.md'];

export type Parser = (file: string, text: string) => Source & { hasFrontMatter?: boolean };

/**
 * The first pass: reading the content folder. Every file is read as text within the limits
 * and parsed; binary files, links out of the folder, devices and the like are problems, not
 * crashes, and a file that cannot be read is reported, never skipped in silence.
 */
export function contentFiles(dir: string, collect: Collector) {
  const realDir = fs.existsSync(dir) ? fs.realpathSync(dir) : dir;
  let totalBytes = 0;

  /** The file's real path inside the folder, or undefined after reporting why there is none. */
  function realPath(file: string): string | undefined {
    let real: string;
    try {
      // Only a symbolic link needs resolving (folders that are links are refused in `list`).
      real = fs.lstatSync(file).isSymbolicLink() ? fs.realpathSync(file) : path.join(realDir, path.relative(dir, file));
    } catch (error) {
      collect.fileProblem(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, 'Make it a plain text file, not a folder or a broken link.');
      return undefined;
    }
    if (real.startsWith(realDir + path.sep)) return real;
    collect.fileProblem(file, 'is a link to a file outside the content folder', 'Copy the content into this file instead of linking to it.');
    return undefined;
  }

  /** Type and size are checked before a byte is read: a link to /dev/zero or a named pipe must not hang the check. */
  function read(file: string): string | undefined {
    const real = realPath(file);
    if (!real) return undefined;
    // Read at run time from the content folder: not files for the build to trace.
    const stat = fs.statSync(/*turbopackIgnore: true*/ real);
    if (!stat.isFile()) {
      collect.fileProblem(file, `cannot be read (${stat.isDirectory() ? 'EISDIR' : 'not a regular file'})`, 'Make it a plain text file, not a folder, device or pipe.');
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) {
      collect.fileProblem(file, `is too large (${Math.ceil(stat.size / 1024)} KB; the limit is ${MAX_FILE_BYTES / 1024} KB)`, 'A content file holds one subprocessor or one section; split long prose into several section files.');
      return undefined;
    }
    totalBytes += stat.size;
    if (totalBytes > MAX_TOTAL_BYTES) {
      collect.fileProblem(file, `is past the limit of ${MAX_TOTAL_BYTES / 1024 / 1024} MB for the whole content folder`, 'Remove files that are not part of the list.');
      return undefined;
    }
    const buffer = fs.readFileSync(/*turbopackIgnore: true*/ real);
    if (buffer.includes(0)) {
      collect.fileProblem(file, 'is not a text file', 'Content files must be plain text (Markdown or YAML); remove this file or replace it.');
      return undefined;
    }
    const text = buffer.toString('utf8');
    const invalid = invalidUtf8(buffer, text);
    if (!invalid) return text;
    collect.add({ severity: 'error', file: displayPath(file), line: invalid.line, field: 'file', message: `is not UTF-8 text (byte 0x${invalid.byte.toString(16).toUpperCase()} on line ${invalid.line})`, hint: 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8), then check the accented letters on that line.' });
    return undefined;
  }

  /** A file's parsed data, or undefined after reporting why there is none. */
  function load(file: string, parser: Parser): Source | undefined {
    const text = read(file);
    if (text === undefined) return undefined;
    if (!text.replace(/^\uFEFF/, '').trim()) {
      collect.fileProblem(file, 'is empty', 'Fill it in (`npm run new` starts a subprocessor file), or delete it.');
      return undefined;
    }
    let source: Source & { hasFrontMatter?: boolean };
    try {
      source = parser(displayPath(file), text);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      collect.fileProblem(file, 'is nested too deeply to be read', 'Write one `field: value` per line; lists and groups of fields only a few levels deep.');
      return undefined;
    }
    source.problems.forEach(collect.add);
    if (source.problems.length) return undefined;
    source.cuts.forEach(collect.add);
    for (const issue of unsafeValues(source.data)) collect.report(source, issue.path, issue.message, issue.hint);
    for (const issue of unsafeLines(source.body, source.bodyLine)) collect.add({ severity: 'error', file: source.file, field: 'text', ...issue });
    if (source.hasFrontMatter === false && path.basename(path.dirname(file)) === 'subprocessors') {
      collect.fileProblem(file, 'has no front matter', 'Start the file with a line `---`, then the fields (`name: …`), then another line `---`.');
      return undefined;
    }
    if (source.data !== null && source.data !== undefined && (typeof source.data !== 'object' || Array.isArray(source.data))) {
      collect.fileProblem(file, `must be a set of \`field: value\` lines, not ${Array.isArray(source.data) ? 'a list' : 'a single value'}`, 'Write one `field: value` per line, starting at the left margin.');
      return undefined;
    }
    return source;
  }

  /** The files of a folder in name order; a file of another kind is a problem, as it would not be published. */
  function list(folder: string, allowed: string[], what: string): string[] {
    if (!fs.existsSync(folder)) return [];
    if (fs.lstatSync(folder).isSymbolicLink()) {
      collect.fileProblem(folder, 'is a link to another folder', `Make ${path.basename(folder)}/ a real folder inside the content folder.`);
      return [];
    }
    const names = fs.readdirSync(folder).filter((name) => !name.startsWith('.'));
    if (names.length > MAX_FILES) {
      collect.fileProblem(folder, `holds ${names.length} files; the limit is ${MAX_FILES}`, `Remove files that are not part of the list from ${displayPath(folder)}.`);
      return [];
    }
    return names.sort().flatMap((name) => {
      if (allowed.includes(path.extname(name))) return [path.join(folder, name)];
      collect.fileProblem(path.join(folder, name), `is not a ${what} file, so it would not be published`, `Rename it to end in ${allowed.join(' or ')}, or move it out of ${displayPath(folder)}.`);
      return [];
    });
  }

  /** Whether the folder has a site.yaml; anything at its top that is not part of the format is a problem. */
  function checkLayout(): boolean {
    if (!fs.existsSync(path.join(dir, 'site.yaml'))) {
      collect.fileProblem(path.join(dir, 'site.yaml'), 'is missing', `Create site.yaml in ${displayPath(dir)}, or set CONTENT_DIR to the content folder.`);
      return false;
    }
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith('.') && !LAYOUT.includes(name)) {
        collect.fileProblem(path.join(dir, name), 'is not part of the content format, so it would not be published', 'Subprocessors go in subprocessors/, prose in sections/; move or delete this file.');
      }
    }
    return true;
  }

  return { load, list, checkLayout };
}

export type ContentFiles = ReturnType<typeof contentFiles>;
