import type { ListFilter } from '@/lib/publish/search';
import { href } from '@/lib/publish/urls';

type Option = { value: string; label: string };
type Props = { options: { categories: Option[]; countries: Option[]; data: Option[] }; filter?: ListFilter };

/** On the list itself: one field and a button, on one line even on a phone; the other filters on the search page. */
export function CompactSearch() {
  return (
    <form method="get" action={href('/subprocessors/search')} role="search" aria-label="Subprocessors" className="flex w-full items-center gap-2 sm:w-auto print:hidden">
      <label htmlFor="search-q" className="sr-only">
        Name, purpose or data
      </label>
      <input id="search-q" type="search" name="q" placeholder="Name, purpose or data" className="h-11 min-w-0 flex-1 rounded border border-slate-400 bg-white px-2 sm:w-60 sm:flex-none" />
      <button type="submit" className="h-11 rounded bg-blue-800 px-4 font-semibold text-white hover:bg-blue-950">
        Search
      </button>
      <a href={href('/subprocessors/search')} className="inline-flex min-h-11 shrink-0 items-center">
        {/* "More" does not fit beside the field on a phone. */}
        <span className="sm:hidden">Filters</span>
        <span className="hidden sm:inline">More filters</span>
      </a>
    </form>
  );
}

/**
 * Search and narrow the list: a plain GET form, so it works without JavaScript and every
 * result has its own address. It goes to /subprocessors/search, rendered on request, so the
 * list itself stays one cached page.
 */
export function ListSearch({ options, filter = {} }: Props) {
  // One height for the text field, the menus and the button, so they line up.
  const field = 'mt-1 block h-11 w-full rounded border border-slate-400 bg-white px-2';
  const select = (name: keyof ListFilter, label: string, all: string, choices: Option[]) => (
    <div className="min-w-40 flex-1">
      <label htmlFor={`search-${name}`}>{label}</label>
      <select id={`search-${name}`} name={name} defaultValue={filter[name] ?? ''} className={field}>
        <option value="">{all}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>{choice.label}</option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={href('/subprocessors/search')} role="search" aria-label="Subprocessors" className="mt-6 flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-slate-50 p-4 print:hidden">
      <div className="min-w-48 flex-[2]">
        <label htmlFor="search-q">Name, purpose or data</label>
        <input id="search-q" type="search" name="q" defaultValue={filter.q ?? ''} className={field} />
      </div>
      {select('category', 'Category', 'All categories', options.categories)}
      {select('country', 'Location', 'All locations', options.countries)}
      {select('data', 'Data category', 'All data', options.data)}
      <button type="submit" className="h-11 rounded bg-blue-800 px-4 font-semibold text-white hover:bg-blue-950">
        Search
      </button>
    </form>
  );
}
