import type { RegisterEntry } from '../app/api-types';
import { formatDateTime } from '../app/format';
import { Link } from '../app/ui';
import { statusText } from '../casework/status-badge';
import { t } from './messages';

/** The register's notes: where a dossier of another desk was received, how it came, then the server's own note. */
export function notesOf(e: RegisterEntry, unitCode: string): string[] {
  return [
    e.receivingUnitCode === unitCode ? null : t('receivedAt', { unit: e.receivingUnitName }),
    e.channel === 'online' ? t('online') : e.channel === 'postal' ? t('postal') : null,
    e.note,
  ].filter((note): note is string => !!note);
}

/** A date and time as offices write them, the time on its own line when the column is narrow. */
export function When({ iso }: { iso: string | null }) {
  if (!iso) return null;
  const [day, time] = formatDateTime(iso).split(' ');
  return (
    <>
      <span class="day">{day}</span> <span class="time">{time}</span>
    </>
  );
}

/** The lines of the register (sổ theo dõi hồ sơ, Mẫu 07), numbered from the page's first. */
export function RegisterTable(props: { items: RegisterEntry[]; offset: number; unitCode: string }) {
  return (
    <div class="register-scroll">
      <table class="register-table" data-testid="register-table">
        <thead>
          <tr>
            <th class="num">{t('colIndex')}</th>
            <th>{t('colCode')}</th>
            <th>{t('colProcedure')}</th>
            <th>{t('colApplicant')}</th>
            <th>{t('colPhone')}</th>
            <th>{t('colCompetent')}</th>
            <th>{t('colReceived')}</th>
            <th>{t('colAppointment')}</th>
            <th title={t('transferredHint')}>{t('colTransferred')}</th>
            <th>{t('colReturned')}</th>
            <th>{t('colStatus')}</th>
            <th>{t('colNote')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((e, i) => (
            <tr key={e.code} data-code={e.code}>
              <td class="num">{props.offset + i + 1}</td>
              <td class="code">
                <Link href={`/ho-so/${encodeURIComponent(e.code)}`}>{e.code}</Link>
              </td>
              <td class="procedure">{e.procedureName}</td>
              <td>{e.applicantName}</td>
              <td class="nowrap">{e.applicantPhone ?? ''}</td>
              <td>{e.competentUnitName}</td>
              <td class="when">
                <When iso={e.receivedAt} />
              </td>
              <td class="when">
                <When iso={e.appointmentAt} />
              </td>
              <td class="when">
                <When iso={e.transferredAt} />
              </td>
              <td class="when">
                <When iso={e.returnedAt} />
              </td>
              <td class="status" data-status={e.statusCode}>
                {statusText(e.statusCode)}
              </td>
              <td class="note">
                {notesOf(e, props.unitCode).map((note) => (
                  <div key={note}>{note}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
