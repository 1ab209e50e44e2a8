import { deskAvailable, deskDeps } from '@/lib/notify/desk/edge';
import { handleResolve } from '@/lib/notify/desk/objections';

type Context = { params: Promise<{ reference: string }> };

// POST /desk/objections/<reference> is rewritten here (next.config.ts): the same address shows the objection on GET.
export async function POST(request: Request, { params }: Context): Promise<Response> {
  if (!deskAvailable()) return new Response('Not found', { status: 404 });
  return handleResolve((await params).reference)(request, await deskDeps(() => {}));
}
