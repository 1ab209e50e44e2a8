/** The first thing on every full page, visible when focused: straight to the content. */
export function SkipLink() {
  return (
    <a href="#main" className="print:hidden sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
      Skip to content
    </a>
  );
}
