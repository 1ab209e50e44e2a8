import type { Metadata } from 'next';
import { TokenPage } from '@/components/token-page';

type Props = { searchParams: Promise<{ token?: string; status?: string }> };

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

/** The link in every e-mail; the POST (also RFC 8058 one-click) unsubscribes at once. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token, status } = await searchParams;
  return (
    <TokenPage
      purpose="unsubscribe"
      token={token}
      status={status}
      title="Unsubscribe"
      action="/subprocessors/unsubscribe"
      button="Unsubscribe"
      done="You are unsubscribed. You will get no further e-mail from this list."
      prompt="Press Unsubscribe to stop e-mails about changes to the list of subprocessors."
    />
  );
}
