import { handleConfirm } from '@/lib/notify/forms';
import { formDeps } from '@/lib/notify/server';
import { notifySoon } from '@/lib/notify/run';

// POST /subprocessors/subscribe/confirm is rewritten here (next.config.ts).
export async function POST(request: Request): Promise<Response> {
  const response = await handleConfirm(request, await formDeps());
  // The welcome e-mail is queued: send it now rather than at the next scheduled run.
  void notifySoon();
  return response;
}
