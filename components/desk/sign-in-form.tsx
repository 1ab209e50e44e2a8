import { ADDRESS_PROBLEMS, type AddressProblem } from '@/lib/notify/address';
import { signInWays } from '@/lib/notify/desk/edge';
import { href } from '@/lib/publish/urls';

type Props = { status?: string; error?: string };

/** What a signed-out visitor sees on /desk, whoever they are: nothing about the team or the data. */
const MESSAGES: Record<string, string> = {
  sent: 'If this address is on the team, we have e-mailed it a sign-in link. It works for 15 minutes, once.',
  'signed-out': 'You are signed out.',
  'sso-refused': 'Single sign-on did not sign you in. Use an address on the team, or ask for a link by e-mail.',
  'sso-unavailable': 'Single sign-on is not available at the moment. Ask for a link by e-mail instead.',
};

export function SignInForm({ status, error }: Props) {
  const ways = signInWays();
  const problem = error && error in ADDRESS_PROBLEMS ? ADDRESS_PROBLEMS[error as AddressProblem] : undefined;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Sign in to the desk</h1>
      <p className="mt-2 max-w-2xl text-slate-700">The desk is for the team that answers for the list of subprocessors.</p>
      {status && MESSAGES[status] && <p role="status" className="mt-4 max-w-2xl rounded border border-slate-300 bg-slate-50 p-3">{MESSAGES[status]}</p>}
      {problem && <p role="alert" className="mt-4 font-medium text-red-800">{problem}</p>}
      {ways.link ? (
        <form method="post" action={href('/desk')} className="mt-6 flex flex-wrap items-end gap-2">
          <label htmlFor="desk-email" className="flex flex-col text-sm font-medium text-slate-800">
            Your work e-mail address
            <input id="desk-email" name="email" type="email" required maxLength={254} autoComplete="email" className="mt-1 h-11 w-72 max-w-full rounded border border-slate-400 px-2 font-normal" />
          </label>
          <button type="submit" className="h-11 rounded bg-slate-900 px-4 font-medium text-white">E-mail me a sign-in link</button>
        </form>
      ) : (
        !ways.sso && <p className="mt-6 max-w-2xl">This server cannot send e-mail, so it cannot send sign-in links.</p>
      )}
      {ways.sso && (
        <form method="post" action={href('/desk/sso')} className="mt-6">
          <button type="submit" className="h-11 rounded border border-slate-400 px-4 font-medium text-slate-900">Sign in with single sign-on</button>
        </form>
      )}
    </>
  );
}
