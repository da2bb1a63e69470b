import { useEffect, useRef } from 'preact/hooks';
import { formatDateTime } from '../app/format';
import { t } from './messages';
import type { TimelineEntry } from './types';

/**
 * The dossier's history in Vietnamese, one line per event: the events of the step shown (`from`–`to`) highlighted,
 * later ones greyed; a click replays up to that event.
 */
export function HistoryList(props: {
  entries: TimelineEntry[];
  from: number;
  to: number;
  onPick: (seq: number) => void;
}) {
  const { entries, from, to, onPick } = props;
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const current = list.current?.querySelectorAll('li.current') ?? [];
    for (const item of [current[current.length - 1], current[0]]) item?.scrollIntoView({ block: 'nearest' });
  }, [from]);
  return (
    <div class="history">
      <h3>{t('history')}</h3>
      <ol class="history-list" data-testid="history-list" ref={list}>
        {entries.map((e) => (
          <li key={e.seq} class={e.seq > to ? 'later' : e.seq >= from ? 'current' : undefined}>
            <button type="button" onClick={() => onPick(e.seq)}>
              <span class="history-at">
                #{e.seq} · {formatDateTime(e.at)}
              </span>
              <span class="history-label">{e.label}</span>
              {e.actor?.name && <span class="history-actor">{e.actor.name}</span>}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
