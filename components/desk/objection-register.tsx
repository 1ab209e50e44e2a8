import { ObjectionState } from './objection-state';
import type { Site } from '@/lib/content/schema';
import { deskTime } from '@/lib/notify/desk/format';
import type { DeskObjection } from '@/lib/notify/desk/objections';
import { href } from '@/lib/publish/urls';
import { scopeTitles } from '@/lib/timeline/scopes';

type Props = { objections: DeskObjection[]; site: Site; caption: string };

const cell = 'py-2 pr-4 align-top';

/** The register as a table (on a phone, one card per objection, each cell labelled). */
export function ObjectionRegister({ objections, site, caption }: Props) {
  return (
    <table className="mt-4 w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-400 text-sm">
          {['Reference', 'Change', 'Organisation', 'Received', 'On time', 'State'].map((name) => (
            <th key={name} scope="col" className="py-2 pr-4">{name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {objections.map((objection) => (
          <tr key={objection.reference} className="border-b border-slate-200">
            <th scope="row" className={`${cell} font-normal whitespace-nowrap`}>
              <a href={href(`/desk/objections/${objection.reference}`)}>{objection.reference}</a>
            </th>
            <td data-label="Change" className={cell}>
              {objection.change.title}
              {objection.scope && <span className="text-slate-700"> ({scopeTitles(site, [objection.scope]).join('') || objection.scope})</span>}
            </td>
            <td data-label="Organisation" className={cell}>{objection.organisation}</td>
            <td data-label="Received" className={`${cell} sm:whitespace-nowrap`}>{deskTime(objection.receivedAt, site.timezone)}</td>
            <td data-label="On time" className={cell}>{objection.onTime ? 'On time' : <strong className="font-semibold text-red-800">Late</strong>}</td>
            <td data-label="State" className={cell}><ObjectionState objection={objection} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
