import { after } from 'next/server';
import { deskAvailable, deskDeps } from '@/lib/notify/desk/edge';
import { handleLinkRequest } from '@/lib/notify/desk/handlers';

// POST /desk (the sign-in form) is rewritten here (next.config.ts). The e-mail goes after the answer.
export async function POST(request: Request): Promise<Response> {
  if (!deskAvailable()) return new Response('Not found', { status: 404 });
  return handleLinkRequest(request, await deskDeps((task) => after(task)));
}
