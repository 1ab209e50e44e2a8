import { href } from '@/lib/publish/urls';

type Props = { changeId: string; title: string; className?: string };

/**
 * The evidence pack of a change, downloaded by a POST (the download is recorded in the activity
 * log). The change is named for screen readers, since a page may offer several.
 */
export function EvidenceButton({ changeId, title, className }: Props) {
  return (
    <form method="post" action={href('/desk/objections/evidence')} className={className}>
      <input type="hidden" name="change" value={changeId} />
      <button type="submit" className="min-h-11 rounded border border-slate-400 bg-white px-3 text-left font-medium text-slate-900">
        Download the evidence pack<span className="sr-only"> of {title}</span>
      </button>
    </form>
  );
}
