import { handleConfirm } from '@/lib/notify/forms';
import { formDeps } from '@/lib/notify/server';

// POST /subprocessors/subscribe/confirm is rewritten here (next.config.ts). A confirmation
// wakes the notify job (its welcome is queued); any other post does not.
export async function POST(request: Request): Promise<Response> {
  return handleConfirm(request, await formDeps());
}
