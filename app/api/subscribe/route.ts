import { handleSubscribe } from '@/lib/notify/forms';
import { formDeps } from '@/lib/notify/server';

// POST /subprocessors/subscribe is rewritten here (next.config.ts): the same address serves the form page on GET.
export async function POST(request: Request): Promise<Response> {
  return handleSubscribe(request, await formDeps());
}
