import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { isoDate } from '../app/forms/form-values';
import { ErrorBox } from '../app/ui';
import { t } from '../casework/messages';
import type { Dossier } from '../casework/types';
import { useAction } from '../casework/use-action';

/** The instant of a Hà Nội date `dd/mm/yyyy` and time `HH:mm`, or null when either is not well formed. */
export function hanoiInstant(date: string, time: string): string | null {
  const iso = isoDate(date.trim());
  const hhmm = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !hhmm) return null;
  const instant = new Date(`${iso}T${hhmm[1]!.padStart(2, '0')}:${hhmm[2]}:00+07:00`);
  // 31/02 would roll over into March: the day must survive the round trip.
  const sameDay =
    !Number.isNaN(instant.getTime()) && new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) === iso;
  return sameDay ? instant.toISOString() : null;
}

/** An apology for a coming delay with a new appointment; the legal due time stands. */
export function ApologyForm({ code, onDone }: { code: string; onDone: (dossier: Dossier) => void }) {
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('16:00');
  const action = useAction();
  const [badDate, setBadDate] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const appointmentAt = hanoiInstant(date, time);
    setBadDate(!appointmentAt);
    if (!appointmentAt) return;
    const path = `/dossiers/${encodeURIComponent(code)}/apology`;
    const dossier = await action.run(() =>
      api<Dossier>(path, { body: { json: { reason: reason.trim(), appointmentAt } } }),
    );
    if (dossier) onDone(dossier);
  };
  return (
    <form class="apology-form" onSubmit={submit} noValidate>
      <label>
        {t('reason')}
        <textarea rows={2} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <div class="date-time">
        <label>
          {t('newAppointmentDate')}
          <input
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            maxLength={10}
            value={date}
            onInput={(e) => setDate(e.currentTarget.value)}
            aria-invalid={badDate || undefined}
          />
        </label>
        <label>
          {t('newAppointmentTime')}
          <input
            inputMode="numeric"
            placeholder="HH:mm"
            maxLength={5}
            value={time}
            onInput={(e) => setTime(e.currentTarget.value)}
            aria-invalid={badDate || undefined}
          />
        </label>
      </div>
      {badDate && <p class="field-error">{t('badDateTime')}</p>}
      <ErrorBox error={action.error} />
      <button type="submit" class="primary" disabled={action.busy || !reason.trim()}>
        {action.busy ? t('sending') : t('action_apology')}
      </button>
    </form>
  );
}
