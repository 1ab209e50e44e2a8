import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { SESSION_COOKIE } from '@/lib/notify/desk/config';
import { deskAvailable, pageSession } from '@/lib/notify/desk/edge';
import type { Session } from '@/lib/notify/desk/sessions';

/** The signed-in team member of this request, if any. Every desk page renders per request, and a static export has none. */
export async function deskSession(): Promise<Session | undefined> {
  await connection();
  if (!deskAvailable()) notFound();
  return pageSession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** Every desk page but the first: anyone not signed in is sent to the sign-in form, whatever the address. */
export async function signedIn(): Promise<Session> {
  const session = await deskSession();
  if (!session) redirect('/desk');
  return session;
}
