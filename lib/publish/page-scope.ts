import { cache } from 'react';

/**
 * The scope of the page being rendered, from the `[scope]` segment of its address (none on the
 * full list's pages). Kept for the render, like the render date, so that every link on the page
 * (`href` in lib/publish/urls.ts) stays in the visitor's scope without each component being handed it.
 * Set by `pageContent` (lib/dated-route.ts); in a client component, or outside a render, there is none.
 */
const current = cache((): { id?: string } => ({}));

export const pageScope = (): string | undefined => current().id;

export function setPageScope(id: string): void {
  current().id = id;
}
