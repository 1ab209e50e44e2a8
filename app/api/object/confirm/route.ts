import { handleObjectionConfirm } from '@/lib/notify/objections/handlers';
import { formDeps, subscriptionsClosed } from '@/lib/notify/server';

// POST /subprocessors/object/confirm is rewritten here (next.config.ts): the Confirm button of an objection.
export async function POST(request: Request): Promise<Response> {
  return subscriptionsClosed() ?? handleObjectionConfirm(request, await formDeps());
}
