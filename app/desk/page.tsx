import type { Metadata } from 'next';
import { deskSession } from './session';
import { AttentionView } from '@/components/desk/attention-view';
import { DeskChrome } from '@/components/desk/desk-chrome';
import { SignInForm } from '@/components/desk/sign-in-form';
import { loadContent } from '@/lib/content/load';
import { database } from '@/lib/notify/db';
import { attention } from '@/lib/notify/desk/attention';
import { deskClock } from '@/lib/notify/desk/edge';

export const metadata: Metadata = { title: 'Desk', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ status?: string; error?: string }> };

/** Signed out: the sign-in form, the same for everyone. Signed in: what needs attention. */
export default async function DeskPage({ searchParams }: Props) {
  const session = await deskSession();
  const { status, error } = await searchParams;
  if (!session) {
    return (
      <DeskChrome>
        <SignInForm status={status} error={error} />
      </DeskChrome>
    );
  }
  const content = loadContent();
  const { today } = deskClock();
  return (
    <DeskChrome session={session} current="/desk">
      <AttentionView attention={await attention(await database(), content, today)} site={content.site} today={today} />
    </DeskChrome>
  );
}
