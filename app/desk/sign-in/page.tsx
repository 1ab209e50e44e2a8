import type { Metadata } from 'next';
import { deskSession } from '../session';
import { DeskChrome } from '@/components/desk/desk-chrome';
import { loadContent } from '@/lib/content/load';
import { resolveNow } from '@/lib/content/today';
import { database } from '@/lib/notify/db';
import { linkState } from '@/lib/notify/desk/sessions';
import { href } from '@/lib/publish/urls';

export const metadata: Metadata = { title: 'Sign in to the desk', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string; status?: string }> };

/** The page the e-mailed link opens: a button that signs in. Opening it (as a mail scanner does) changes nothing. */
export default async function SignInPage({ searchParams }: Props) {
  await deskSession();
  const { token, status } = await searchParams;
  const { site } = loadContent();
  const link = token && status !== 'invalid' ? await linkState(await database(), token, resolveNow(site).toISOString()) : undefined;
  return (
    <DeskChrome>
      <h1 className="text-3xl font-bold tracking-tight">Sign in to the desk</h1>
      {link?.state === 'valid' ? (
        <form method="post" action={href(`/desk/sign-in?token=${encodeURIComponent(token!)}`)} className="mt-4">
          <p>Press Sign in to open the desk. The link then stops working.</p>
          <button type="submit" className="mt-3 h-11 rounded bg-slate-900 px-4 font-medium text-white">Sign in</button>
        </form>
      ) : (
        <p role="alert" className="mt-4">
          This link has expired or was already used. <a href={href('/desk')}>Ask for a new one</a>.
        </p>
      )}
    </DeskChrome>
  );
}
