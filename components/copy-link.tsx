type Props = { href: string; name: string };

/**
 * "Copy link" for an entry or a version. Without JavaScript it is an ordinary link to the
 * address (which then shows in the address bar); with it, <CopyLinks> copies the address.
 */
export function CopyLink({ href, name }: Props) {
  return (
    <a href={href} className="copy-link">
      Copy link<span className="sr-only"> to {name}</span>
    </a>
  );
}
