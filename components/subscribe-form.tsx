import { href } from '@/lib/urls';

type Props = { id?: string };

/** "E-mail me before any change": a plain form, works without JavaScript. */
export function SubscribeForm({ id = 'subscribe-email' }: Props) {
  return (
    <form method="post" action={href('/subprocessors/subscribe')} className="mt-3 flex flex-wrap items-end gap-2 print:hidden">
      <label htmlFor={id} className="flex flex-col text-sm font-medium text-slate-800">
        E-mail me before any change
        <input id={id} name="email" type="email" required maxLength={254} autoComplete="email" placeholder="you@example.com" className="mt-1 w-72 max-w-full rounded border border-slate-400 px-2 py-1 font-normal" />
      </label>
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
