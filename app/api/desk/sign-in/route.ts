import { deskAvailable, deskDeps } from '@/lib/notify/desk/edge';
import { handleSignIn } from '@/lib/notify/desk/handlers';

// POST /desk/sign-in?token=… (the button on the link's page) is rewritten here (next.config.ts).
export async function POST(request: Request): Promise<Response> {
  if (!deskAvailable()) return new Response('Not found', { status: 404 });
  return handleSignIn(request, await deskDeps(() => {}));
}
