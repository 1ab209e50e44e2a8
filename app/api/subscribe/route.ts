import { handleSubscribe } from '@/lib/notify/forms';
import { formDeps, subscriptionsClosed } from '@/lib/notify/server';

// POST /subprocessors/subscribe is rewritten here (next.config.ts): the same address serves the form page on GET.
export async function POST(request: Request): Promise<Response> {
  // Without a way to send mail, a clear 503: never a request stored with no confirmation sent.
  return subscriptionsClosed() ?? handleSubscribe(request, await formDeps());
}
