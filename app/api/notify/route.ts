import { timingSafeEqual } from 'node:crypto';
import { notifyNow } from '@/lib/notify/run';

/** For a host's cron: `POST /api/notify` with `Authorization: Bearer $NOTIFY_SECRET` sends due notices now. */
export async function POST(request: Request): Promise<Response> {
  const secret = process.env.NOTIFY_SECRET;
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${secret}`);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Response.json({ error: secret ? 'wrong or missing bearer token' : 'NOTIFY_SECRET is not set on this server' }, { status: 401 });
  }
  const result = await notifyNow();
  return Response.json(result, { status: 'off' in result ? 503 : 200 });
}
