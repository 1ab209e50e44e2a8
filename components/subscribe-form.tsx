import { loadContent } from '@/lib/content/load';
import { href } from '@/lib/publish/urls';

/**
 * `scope`: on a page of one scope's list, that scope's id, ticked to begin with. `checked`:
 * scope ids ticked besides (the choice sent with an address that was refused).
 */
type Props = { id?: string; scope?: string; checked?: readonly string[] };

/**
 * "E-mail me before any change": a plain form, works without JavaScript. With scopes in
 * site.yaml, a box for each (none ticked: the full list); every page posts to the same
 * unprefixed address, so one handler serves the full list and every scope.
 */
export function SubscribeForm({ id = 'subscribe-email', scope, checked = [] }: Props) {
  const { scopes } = loadContent().site;
  return (
    <form method="post" action={href('/subprocessors/subscribe')} className="mt-3 flex flex-wrap items-end gap-2 print:hidden">
      <label htmlFor={id} className="flex flex-col text-sm font-medium text-slate-800">
        E-mail me before any change
        <input id={id} name="email" type="email" required maxLength={254} autoComplete="email" placeholder="you@example.com" className="mt-1 w-72 max-w-full rounded border border-slate-400 px-2 py-1 font-normal" />
      </label>
      {scopes && (
        <fieldset className="basis-full text-sm text-slate-800">
          <legend className="font-medium">
            Only the changes that concern <span className="font-normal text-slate-700">(none ticked: every change)</span>
          </legend>
          <ul className="mt-1 space-y-1">
            {scopes.map((item) => (
              <li key={item.id}>
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" name="scopes" value={item.id} defaultChecked={item.id === scope || checked.includes(item.id)} aria-describedby={item.description ? `${id}-${item.id}-about` : undefined} />
                  {item.title}
                </label>
                {item.description && (
                  <p id={`${id}-${item.id}-about`} className="ml-6 text-slate-700">
                    {item.description}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {/* Only bots fill in a field that people cannot see. */}
      <div aria-hidden="true" className="hidden">
        <label>
          Website <input name="website" type="text" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
        Subscribe
      </button>
    </form>
  );
}
