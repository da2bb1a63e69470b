import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox } from '../app/ui';
import { ChangeFields, type ChangeDraft } from './change-fields';
import { DateInput } from './date-input';
import { isoDate, startOfDayInHanoi, todayInHanoi } from './dates';
import { t } from './messages';
import type { Announcement, ProcedureSummary } from './types';

let nextKey = 1;
const emptyChange = (): ChangeDraft => ({
  key: nextKey++,
  procedureCode: '',
  kind: 'amend',
  replacesCode: '',
  effectiveFrom: '',
});

/** Records a Quyết định công bố and the procedures it changes (POST /api/announcements); the server checks it. */
export function AnnouncementForm({
  procedures,
  onRecorded,
}: {
  procedures: ProcedureSummary[];
  onRecorded: (a: Announcement) => void;
}) {
  const [changes, setChanges] = useState<ChangeDraft[]>(() => [emptyChange()]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields = new FormData(form);
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const recorded = await api<Announcement>('/announcements', {
        body: {
          json: {
            number: String(fields.get('number')).trim(),
            title: String(fields.get('title')).trim(),
            signedOn: isoDate(String(fields.get('signedOn'))),
            announcedOn: isoDate(String(fields.get('announcedOn'))),
            changes: changes.map((c) => ({
              procedureCode: c.procedureCode.trim(),
              kind: c.kind,
              ...(c.kind === 'replace' ? { replacesCode: c.replacesCode.trim() } : {}),
              ...(c.effectiveFrom ? { effectiveFrom: startOfDayInHanoi(c.effectiveFrom) } : {}),
            })),
          },
        },
      });
      form.reset();
      setChanges([emptyChange()]);
      setDone(t('recorded', { number: recorded.number }));
      onRecorded(recorded);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const update = (i: number) => (draft: ChangeDraft) => setChanges(changes.map((c, j) => (j === i ? draft : c)));
  const remove = (i: number) => () => setChanges(changes.filter((_, j) => j !== i));
  return (
    <form class="panel announcement-form" onSubmit={submit} data-testid="announcement-form">
      <h2>{t('newAnnouncement')}</h2>
      <div class="form-row">
        <label>
          {t('number')}
          <input name="number" placeholder={t('numberHint')} required />
        </label>
        <label>
          {t('signedOn')}
          <DateInput name="signedOn" defaultValue={todayInHanoi()} required />
        </label>
        <label>
          {t('announcedOn')}
          <DateInput name="announcedOn" defaultValue={todayInHanoi()} required />
        </label>
      </div>
      <label>
        {t('title')}
        <input name="title" required />
      </label>
      <fieldset>
        <legend>{t('changes')}</legend>
        {changes.map((draft, i) => (
          <ChangeFields
            key={draft.key}
            draft={draft}
            onChange={update(i)}
            onRemove={changes.length > 1 ? remove(i) : undefined}
          />
        ))}
        <button type="button" onClick={() => setChanges([...changes, emptyChange()])}>
          {t('addChange')}
        </button>
      </fieldset>
      <datalist id="procedure-codes">
        {procedures.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </datalist>
      <ErrorBox error={error} />
      {done && (
        <p class="flash" role="status">
          {done}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('saving') : t('save')}
      </button>
    </form>
  );
}
