import { api } from '../app/api';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import { DiagramView } from './diagram-view';
import { markDiff, type DiagramDiff } from './diff';
import { t } from './messages';

const bpmnOf = (code: string, n: number) => api<string>(`/procedures/${encodeURIComponent(code)}/versions/${n}/bpmn`);

/** Two versions side by side, coloured by what changed, with the list of changes below. */
export function DiffView({ code, older, newer }: { code: string; older: number; newer: number }) {
  const loaded = useLoad(
    () =>
      Promise.all([
        bpmnOf(code, older),
        bpmnOf(code, newer),
        api<DiagramDiff>(`/procedures/${encodeURIComponent(code)}/versions/${older}/diff/${newer}`),
      ]),
    [code, older, newer],
  );
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!loaded.data) return <Spinner label={t('loading')} />;
  const [olderXml, newerXml, diff] = loaded.data;
  const rows = [
    ...diff.added.map((e) => ({ ...e, kind: 'added' as const, detail: '' })),
    ...diff.removed.map((e) => ({ ...e, kind: 'removed' as const, detail: '' })),
    ...diff.changed.map((e) => ({
      ...e,
      kind: 'changed' as const,
      detail: e.changes.map((c) => `${c.attribute}: ${show(c.before)} → ${show(c.after)}`).join('; '),
    })),
    ...diff.layoutChanged.map((e) => ({ ...e, kind: 'moved' as const, detail: '' })),
  ];
  return (
    <div class="diff-view" data-testid="diff-view">
      <div class="diff-legend">
        <span class="added">{t('added')}</span>
        <span class="removed">{t('removed')}</span>
        <span class="changed">{t('changed')}</span>
        <span class="moved">{t('moved')}</span>
      </div>
      <div class="diff-sides" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '8px' }}>
        <div>
          <h3>{t('older', { n: older })}</h3>
          <DiagramView xml={olderXml} class="canvas diff-canvas" onShown={(v) => markDiff(v, diff, 'older')} />
        </div>
        <div>
          <h3>{t('older', { n: newer })}</h3>
          <DiagramView xml={newerXml} class="canvas diff-canvas" onShown={(v) => markDiff(v, diff, 'newer')} />
        </div>
      </div>
      <h3>{t('changes')}</h3>
      {rows.length === 0 ? (
        <p class="muted">{t('noChanges')}</p>
      ) : (
        <table data-testid="diff-changes">
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}-${r.id}`}>
                <td>
                  <span class={`badge diff-${r.kind}`}>{t(r.kind)}</span>
                </td>
                <td>{r.name ?? r.id}</td>
                <td class="muted">{r.type.replace('bpmn:', '')}</td>
                <td>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function show(value: unknown): string {
  return value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
}
