import { deskAvailable, deskDeps } from '@/lib/notify/desk/edge';
import { handleSsoCallback } from '@/lib/notify/desk/sso';

/** Where the OpenID provider sends the browser back; it counts only with the state cookie of the browser that started. */
export async function GET(request: Request): Promise<Response> {
  if (!deskAvailable()) return new Response('Not found', { status: 404 });
  return handleSsoCallback(request, await deskDeps(() => {}));
}
