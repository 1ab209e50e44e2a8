'use client';

import { useEffect, useState } from 'react';

/** Makes every "Copy link" link on the page copy its full address, and says so. One listener for the whole page. */
export function CopyLinks() {
  const [copied, setCopied] = useState('');
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a.copy-link') : null;
      // A modified click (new tab, new window) opens the link as usual.
      if (!(link instanceof HTMLAnchorElement) || !navigator.clipboard || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(
        () => {
          // An anchor on this page also goes into the address bar; another page's address does not.
          if (new URL(link.href).pathname === location.pathname) history.replaceState(null, '', link.href);
          setCopied(link.href);
        },
        () => location.assign(link.href),
      );
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
  return (
    <p role="status" className={copied ? 'toast' : 'sr-only'}>
      {copied && `Link copied: ${copied}`}
    </p>
  );
}
