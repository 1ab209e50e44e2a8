import { deskAvailable, deskDeps } from '@/lib/notify/desk/edge';
import { handleSsoStart } from '@/lib/notify/desk/sso';

/** The "Sign in with single sign-on" button: 404 unless DESK_OIDC_* are set. */
export async function POST(request: Request): Promise<Response> {
  if (!deskAvailable()) return new Response('Not found', { status: 404 });
  return handleSsoStart(request, await deskDeps(() => {}));
}
