import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { formatDateTime, formatWorkingMinutes } from '../app/format';
import { navigate } from '../app/router';
import { ErrorBox } from '../app/ui';
import { currentLang } from '../i18n';
import { Countdown } from './countdown';
import { DateInput } from './date-input';
import { startOfDayInHanoi, typedDateOf } from './dates';
import { setFlash } from './flash';
import { t } from './messages';
import type { PendingChange } from './pending-changes';

/** Publishes the version for one announcement change (or none), in force from a date; then back to the desk. */
export function PublishForm({ code, n, pending }: { code: string; n: number; pending: PendingChange[] }) {
  const first = pending[0]?.change;
  const [changeId, setChangeId] = useState(first ? String(first.id) : '');
  const [validFrom, setValidFrom] = useState(typedDateOf(first?.effectiveFrom ?? null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const choose = (id: string) => {
    setChangeId(id);
    setValidFrom(typedDateOf(pending.find((p) => String(p.change.id) === id)?.change.effectiveFrom ?? null));
  };
  const chosen = pending.find((p) => String(p.change.id) === changeId);
  const publish = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const from = startOfDayInHanoi(validFrom);
      const body = { ...(changeId ? { changeId: Number(changeId) } : {}), ...(from ? { validFrom: from } : {}) };
      await api(`/procedures/${encodeURIComponent(code)}/versions/${n}/publish`, { body: { json: body } });
      setFlash(t('published', { n, code }));
      navigate('/cong-bo');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form class="panel" onSubmit={publish} data-testid="publish-form">
      <h2>{t('publishTitle')}</h2>
      {pending.length === 0 && <p class="muted small">{t('noPendingChange')}</p>}
      <label>
        {t('forChange')}
        <select value={changeId} onChange={(e) => choose(e.currentTarget.value)}>
          {pending.map(({ announcement, change }) => (
            <option key={change.id} value={String(change.id)}>
              {announcement.number} — {t(`kind_${change.kind}`)} (
              {t(change.state === 'late' ? 'overdueBy' : 'left', {
                time: formatWorkingMinutes(Math.abs(change.timeLeftMinutes ?? 0), currentLang()),
              })}
              )
            </option>
          ))}
          <option value="">{t('noChange')}</option>
        </select>
      </label>
      {chosen && (
        <p class="small chosen-deadline">
          {t('deadline')}: {formatDateTime(chosen.announcement.deadlineAt)} — <Countdown change={chosen.change} />
        </p>
      )}
      <label>
        {t('validFrom')}
        <DateInput value={validFrom} onInput={(e) => setValidFrom(e.currentTarget.value)} />
      </label>
      <ErrorBox error={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('publishing') : t('publish', { n })}
      </button>
    </form>
  );
}
