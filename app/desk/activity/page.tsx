import type { Metadata } from 'next';
import { signedIn } from '../session';
import { DeskChrome } from '@/components/desk/desk-chrome';
import { loadContent } from '@/lib/content/load';
import { database } from '@/lib/notify/db';
import { deskTime } from '@/lib/notify/desk/format';
import { auditLog } from '@/lib/notify/desk/sessions';
import { href } from '@/lib/publish/urls';

export const metadata: Metadata = { title: 'Activity · Desk', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ before?: string }> };

/** The audit log: every sign-in, refusal and action, newest first, 100 a page. */
export default async function ActivityPage({ searchParams }: Props) {
  const session = await signedIn();
  const before = Number((await searchParams).before) || undefined;
  const rows = await auditLog(await database(), { limit: 100, before });
  const { site } = loadContent();
  return (
    <DeskChrome session={session} current="/desk/activity">
      <h1 className="text-3xl font-bold tracking-tight">Activity</h1>
      <p className="mt-2 max-w-2xl text-slate-700">Every sign-in, refused sign-in and action on the desk, with who and when, newest first. Nothing here can be changed or deleted from the desk.</p>
      <table className="mt-6 w-full border-collapse text-left">
        <caption className="sr-only">Activity on the desk</caption>
        <thead>
          <tr className="border-b border-slate-400 text-sm">
            <th scope="col" className="py-2 pr-4">When</th>
            <th scope="col" className="py-2 pr-4">Who</th>
            <th scope="col" className="py-2 pr-4">What</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-4 whitespace-nowrap">{deskTime(row.at, site.timezone)}</td>
              <td className="py-2 pr-4 [overflow-wrap:anywhere]">{row.actor ?? 'unknown'}</td>
              <td className="py-2 pr-4 [overflow-wrap:anywhere]">{row.action}{row.detail && <span className="text-slate-700">: {row.detail}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 100 && <p className="mt-4"><a href={href(`/desk/activity?before=${rows.at(-1)!.id}`)} className="forward">Older</a></p>}
    </DeskChrome>
  );
}
