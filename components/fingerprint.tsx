import { FormattedDate } from './formatted-date';
import type { IsoDate } from '@/lib/content/dates';

type Props = { value: string; date: IsoDate };

/** Lets a customer prove which version of the list they reviewed. */
export function Fingerprint({ value, date }: Props) {
  return (
    <p className="mt-8 text-sm text-slate-700">
      Version fingerprint for the list in force on <FormattedDate date={date} /> (SHA-256):{' '}
      <code className="break-all font-mono text-slate-900" data-testid="fingerprint">
        {value}
      </code>
    </p>
  );
}
