import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import { DiagramView, type Viewer } from '../diagram/diagram-view';
import { t } from '../casework/messages';
import type { Dossier } from '../casework/types';

/** The BPMN version the dossier runs on, its waiting steps (the open tasks) marked. */
export function DossierDiagram({ dossier }: { dossier: Dossier }) {
  const path = `/procedures/${encodeURIComponent(dossier.procedureCode)}/versions/${dossier.procedureVersion}/bpmn`;
  const xml = useLoad(() => api<string>(path), [path]);
  const waiting = dossier.tasks.map((task) => task.activityId);
  const shown = useRef<Viewer | null>(null);
  const mark = (viewer: Viewer) => {
    shown.current = viewer;
    const canvas = viewer.get('canvas') as Canvas;
    const registry = viewer.get('elementRegistry') as ElementRegistry;
    for (const element of registry.getAll()) canvas.removeMarker(element.id, 'dossier-current');
    for (const id of waiting) if (registry.get(id)) canvas.addMarker(id, 'dossier-current');
  };
  // The dossier moved on: mark its new steps on the diagram already drawn.
  useEffect(() => {
    if (shown.current) mark(shown.current);
  }, [waiting.join()]);
  return (
    <section class="dossier-diagram">
      <h2>{t('diagramTitle', { n: dossier.procedureVersion })}</h2>
      <ErrorBox error={xml.error} />
      {xml.loading && !xml.data && <Spinner label={t('loadingDiagram')} />}
      {xml.data && <DiagramView xml={xml.data} onShown={mark} testId="dossier-diagram" />}
      {waiting.length > 0 && <p class="muted small">{t('diagramLegend')}</p>}
    </section>
  );
}
