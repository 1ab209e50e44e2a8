'use client';

import { useEffect, useState } from 'react';

/** Makes every "Copy link" link on the page copy its full address, and says so. One listener for the whole page. */
export function CopyLinks() {
  const [copied, setCopied] = useState('');
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a.copy-link') : null;
      if (!(link instanceof HTMLAnchorElement) || !navigator.clipboard) return;
      event.preventDefault();
      navigator.clipboard.writeText(link.href).then(
        () => {
          history.replaceState(null, '', link.href);
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
