import type { Metadata } from 'next';
import { TokenPage } from '@/components/token-page';

type Props = { searchParams: Promise<{ token?: string; status?: string }> };

export const metadata: Metadata = { title: 'Confirm your subscription', robots: { index: false } };

/** Mail scanners open every link: the GET only shows a button; the POST confirms. */
export default async function ConfirmPage({ searchParams }: Props) {
  const { token, status } = await searchParams;
  return (
    <TokenPage
      purpose="confirm"
      token={token}
      status={status}
      title="Confirm your subscription"
      action="/subprocessors/subscribe/confirm"
      button="Confirm"
      done="Confirmed: you are subscribed. We have sent you the changes announced and not yet in effect."
      prompt="Press Confirm to receive an e-mail on each day a change to the list of subprocessors is announced."
    />
  );
}
