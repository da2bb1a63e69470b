import { api } from '../app/api';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import { DiagramView } from '../diagram/diagram-view';
import { DiffView } from '../diagram/diff-view';
import { t } from './messages';

/** The submitted version beside the one in force, coloured by what changed; alone when nothing is in force yet. */
export function ReviewDiagram({ code, inForce, n }: { code: string; inForce: number | null; n: number }) {
  if (inForce !== null && inForce !== n) return <DiffView code={code} older={inForce} newer={n} />;
  return <SingleDiagram code={code} n={n} />;
}

function SingleDiagram({ code, n }: { code: string; n: number }) {
  const xml = useLoad(() => api<string>(`/procedures/${encodeURIComponent(code)}/versions/${n}/bpmn`), [code, n]);
  if (xml.error) return <ErrorBox error={xml.error} />;
  if (xml.data === undefined) return <Spinner label={t('loading')} />;
  return <DiagramView xml={xml.data} testId="single-diagram" />;
}
