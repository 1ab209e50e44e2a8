import { handleObjection } from '@/lib/notify/objections/handlers';
import { formDeps, subscriptionsClosed } from '@/lib/notify/server';

// POST /subprocessors/object is rewritten here (next.config.ts): the same address serves the form page on GET.
// The receipt is an e-mail: without a way to send mail, a clear 503 and nothing stored.
export async function POST(request: Request): Promise<Response> {
  return subscriptionsClosed() ?? handleObjection(request, await formDeps());
}
