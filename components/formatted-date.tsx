import { formatDate, type IsoDate } from '@/lib/content/dates';

type Props = { date: IsoDate };

export function FormattedDate({ date }: Props) {
  return <time dateTime={date}>{formatDate(date)}</time>;
}
