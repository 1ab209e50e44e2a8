import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4">
        There is nothing at this address. The current list is at{' '}
        <Link href="/subprocessors">
          the subprocessor list
        </Link>
        .
      </p>
    </>
  );
}
