import type { ListNotice } from '@/lib/notify/notice-status';

type Props = { notices: ListNotice[]; scoped: boolean };

/** Whether a change's notice went out, per list: sent, pending, failed, and when. */
export function NoticeCounts({ notices, scoped }: Props) {
  if (notices.length === 0) return <p>Not e-mailed yet.</p>;
  return (
    <ul className="space-y-1">
      {notices.map((notice) => (
        <li key={notice.label}>
          {scoped && <>{notice.label}: </>}
          {notice.stats ? (
            <>
              {notice.stats.sent} sent, {notice.stats.pending} pending, <span className={notice.stats.failed ? 'font-semibold text-red-800' : undefined}>{notice.stats.failed} failed</span>
              {notice.sentOn && <> (e-mailed {notice.sentOn}{notice.lastOn && notice.lastOn !== notice.sentOn && <> to {notice.lastOn}</>})</>}
            </>
          ) : (
            'no subscriber to e-mail (nobody had confirmed before the announcement day)'
          )}
        </li>
      ))}
    </ul>
  );
}
