import { formatDateTime } from '../app/format';
import { ErrorBox, Spinner, type Loaded } from '../app/ui';
import { t } from '../casework/messages';
import type { TimelineEntry } from '../casework/types';

/** What happened to the dossier, the latest first: one Vietnamese sentence per event, with who and where. */
export function TimelineList({ history }: { history: Loaded<TimelineEntry[]> }) {
  return (
    <section class="timeline">
      <h2>{t('timelineTitle')}</h2>
      <ErrorBox error={history.error} />
      {history.loading && !history.data && <Spinner label={t('loading')} />}
      <ol data-testid="timeline">
        {[...(history.data ?? [])].reverse().map((entry) => (
          <li key={entry.seq} data-type={entry.type}>
            <span class="when">{formatDateTime(entry.at)}</span>
            <span class="what">{entry.label}</span>
            {entry.actor?.name && (
              <span class="who muted">
                {entry.actor.name}
                {entry.actor.unitName ? ` – ${entry.actor.unitName}` : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
