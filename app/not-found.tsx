import { SiteChrome } from '@/components/site-chrome';
import { href } from '@/lib/urls';

export default function NotFound() {
  return (
    <SiteChrome>
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4">
        There is nothing at this address. The current list is at{' '}
        <a href={href('/subprocessors')}>
          the subprocessor list
        </a>
        .
      </p>
    </SiteChrome>
  );
}
