import path from 'node:path';
import { checkContent } from './check';
import { ContentError } from './problems';
import type { Content } from './schema';

/** The content folder: CONTENT_DIR, or content/ in the working directory. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  // Content is read at run time from this folder, not bundled: keep the tracer from pulling in the whole project.
  return path.resolve(/*turbopackIgnore: true*/ env.CONTENT_DIR || 'content');
}

/**
 * Kept on the process, not in this module: the server bundles this module once per route, and
 * each copy would read and check the whole folder again on its first request (1.4 s at 1,000
 * entries), which a visitor of a scope's page, rendered on first request, would wait for.
 */
const shared = globalThis as typeof globalThis & { subprocessorContent?: Map<string, Content> };
const cache = (shared.subprocessorContent ??= new Map<string, Content>());

/**
 * The validated content, read once per server process: pages re-render every few minutes
 * with a new date but the same content, and a running server keeps the version it started with.
 * Throws a ContentError listing every problem, so a build fails instead of publishing a partial list.
 */
export function loadContent(dir: string = contentDir()): Content {
  const cached = cache.get(dir);
  if (cached) return cached;
  const { content, problems } = checkContent(dir);
  if (!content) throw new ContentError(problems);
  if (process.env.NODE_ENV !== 'development') cache.set(dir, content);
  return content;
}
