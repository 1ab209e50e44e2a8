import { loadContent } from '@/lib/content/load';
import { href } from '@/lib/publish/urls';
import { Honeypot } from './honeypot';

/**
 * `scope`: on a page of one scope's list, that scope's id, ticked to begin with. `checked`:
 * scope ids ticked besides (the choice sent with an address that was refused, or a
 * subscriber's current lists). `email`: the address to begin with. `compact`: one line for the
 * list page, the scope choices left to the subscribe page.
 */
type Props = { id?: string; scope?: string; checked?: readonly string[]; email?: string; compact?: boolean; button?: string };

/**
 * "E-mail me before any change": a plain form, works without JavaScript. With scopes in
 * site.yaml, a box for each (none ticked: the full list); every page posts to the same
 * unprefixed address, so one handler serves the full list and every scope.
 */
export function SubscribeForm({ id = 'subscribe-email', scope, checked = [], email, compact = false, button = 'Subscribe' }: Props) {
  const { scopes } = loadContent().site;
  // 44 px high, like every other target on the site.
  const field = 'h-11 w-64 max-w-full rounded border border-slate-400 px-2 font-normal';
  return (
    <form method="post" action={href('/subprocessors/subscribe')} className={`flex flex-wrap gap-2 print:hidden ${compact ? 'items-center gap-y-1' : 'mt-3 items-end'}`}>
      {compact ? (
        // Two lines on a phone: the label with the way to choose lists, then the field and its button.
        <>
          <label htmlFor={id} className="text-slate-800">
            E-mail me before any change
          </label>
          {scopes && (
            <a href={href('/subprocessors/subscribe')} className="inline-flex min-h-11 items-center">
              Choose lists
            </a>
          )}
          <span className="flex w-full gap-2 sm:w-auto">
            <input id={id} name="email" type="email" required maxLength={254} autoComplete="email" placeholder="you@example.com" className="h-11 min-w-0 flex-1 rounded border border-slate-400 px-2 font-normal sm:w-64 sm:flex-none" />
            <button type="submit" className="h-11 shrink-0 rounded bg-slate-900 px-4 font-medium text-white">
              {button}
            </button>
          </span>
        </>
      ) : (
        <label htmlFor={id} className="flex flex-col text-sm font-medium text-slate-800">
          E-mail me before any change
          <input id={id} name="email" type="email" required maxLength={254} autoComplete="email" placeholder="you@example.com" defaultValue={email} className={`mt-1 ${field}`} />
        </label>
      )}
      {scopes && compact && scope && <input type="hidden" name="scopes" value={scope} />}
      {scopes && !compact && (
        <fieldset className="basis-full text-slate-800">
          <legend className="text-sm font-medium">
            Only the changes that concern <span className="font-normal text-slate-700">(none ticked: every change)</span>
          </legend>
          <ul className="mt-1">
            {scopes.map((item) => (
              <li key={item.id}>
                <label className="inline-flex min-h-11 items-center gap-3">
                  <input type="checkbox" name="scopes" value={item.id} defaultChecked={item.id === scope || checked.includes(item.id)} aria-describedby={item.description ? `${id}-${item.id}-about` : undefined} className="size-6" />
                  {item.title}
                </label>
                {item.description && (
                  <p id={`${id}-${item.id}-about`} className="mb-1 ml-9 text-sm text-slate-700">
                    {item.description}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <Honeypot />
      {!compact && (
        <button type="submit" className="h-11 rounded bg-slate-900 px-4 font-medium text-white">
          {button}
        </button>
      )}
    </form>
  );
}
