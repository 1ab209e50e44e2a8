import { deskAvailable, deskDeps } from '@/lib/notify/desk/edge';
import { handleEvidence } from '@/lib/notify/desk/objections';

/** POST only: a download of personal data is an action, recorded in the activity log. */
export async function POST(request: Request): Promise<Response> {
  if (!deskAvailable()) return new Response('Not found', { status: 404 });
  return handleEvidence(request, await deskDeps(() => {}));
}
