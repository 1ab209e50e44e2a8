import { CHANGE_LABELS } from '@/lib/publish/labels';
import type { ChangeFilter as Filter } from '@/lib/publish/view';
import { href } from '@/lib/publish/urls';

type Props = { entries: { slug: string; name: string }[]; filter: Filter };

/** A plain GET form: filtering works without JavaScript and the result has its own URL. */
export function ChangeFilter({ entries, filter }: Props) {
  const field = 'mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5';
  return (
    <form method="get" action={href('/subprocessors/changes')} className="mt-4 flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-slate-50 p-4">
      <label className="min-w-40 flex-1">
        Type of change
        <select name="change" defaultValue={filter.change ?? ''} className={field}>
          <option value="">All changes</option>
          {Object.entries(CHANGE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </label>
      <label className="min-w-40 flex-1">
        Subprocessor
        <select name="entry" defaultValue={filter.entry ?? ''} className={field}>
          <option value="">All subprocessors</option>
          {entries.map((entry) => (
            <option key={entry.slug} value={entry.slug}>{entry.name}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-950">
        Show changes
      </button>
    </form>
  );
}
