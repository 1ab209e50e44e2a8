import type { Metadata } from 'next';
import { signedIn } from '../../session';
import { DeskChrome } from '@/components/desk/desk-chrome';
import { parseAddress } from '@/lib/notify/address';
import { href } from '@/lib/publish/urls';

export const metadata: Metadata = { title: 'Erase an address · Desk', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ email?: string }> };

/** The confirmation step of an erasure: nothing is erased until the button is pressed. */
export default async function ErasePage({ searchParams }: Props) {
  const session = await signedIn();
  const parsed = parseAddress((await searchParams).email ?? '');
  return (
    <DeskChrome session={session} current="/desk/subscribers">
      <h1 className="text-3xl font-bold tracking-tight">Erase an address</h1>
      {parsed.ok ? (
        <form method="post" action={href('/desk/subscribers/erase')} className="mt-4 max-w-2xl">
          <p>
            Erase <strong>{parsed.address}</strong> everywhere? This cannot be undone. Backups made before now still hold it until they expire.
          </p>
          <input type="hidden" name="email" value={parsed.address} />
          <input type="hidden" name="confirm" value="yes" />
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="submit" className="h-11 rounded bg-red-800 px-4 font-medium text-white">Erase {parsed.address}</button>
            <a href={href('/desk/subscribers')} className="inline-flex min-h-11 items-center">Cancel</a>
          </div>
        </form>
      ) : (
        <p role="alert" className="mt-4">{parsed.message} <a href={href('/desk/subscribers')}>Back to subscribers</a></p>
      )}
    </DeskChrome>
  );
}
