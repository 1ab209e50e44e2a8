import { handleUnsubscribe } from '@/lib/notify/forms';
import { formDeps } from '@/lib/notify/server';

// POST /subprocessors/unsubscribe (the form and RFC 8058 one-click) is rewritten here (next.config.ts).
export async function POST(request: Request): Promise<Response> {
  return handleUnsubscribe(request, await formDeps());
}
