import { deskAvailable, deskDeps } from '@/lib/notify/desk/edge';
import { handleSignOut } from '@/lib/notify/desk/handlers';

export async function POST(request: Request): Promise<Response> {
  if (!deskAvailable()) return new Response('Not found', { status: 404 });
  return handleSignOut(request, await deskDeps(() => {}));
}
