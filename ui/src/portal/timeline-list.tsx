import { formatDateTime } from '../app/format';
import { t } from './messages';
import type { TimelineEntry } from './types';

/** What happened to the dossier, oldest first, at the minute. */
export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p class="muted">{t('noTimeline')}</p>;
  return (
    <ol class="timeline">
      {[...entries]
        .sort((a, b) => a.seq - b.seq)
        .map((e) => (
          <li key={e.seq}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> <span>{e.label}</span>
          </li>
        ))}
    </ol>
  );
}
