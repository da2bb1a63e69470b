import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '../app/api';
import { onLangChange } from '../i18n';
import { createModeler, type Modeler } from './create-modeler';
import { findingsOfLint } from './lint/findings-of-lint';
import { t } from './messages';
import { markServerFindings } from './server-findings';

interface Props {
  xml: string;
  /** Changes when another diagram is opened: the editor imports `xml` again. */
  importKey: number;
  limitHours: number | null;
  serverFindings: Finding[];
  onReady: (modeler: Modeler | null) => void;
  onLint: (findings: Finding[]) => void;
  onChange: () => void;
  onError: (error: unknown) => void;
}

/** The bpmn-js Modeler with its properties panel; rebuilt in the new language when the user switches, keeping edits. */
export function ModelerCanvas(props: Props) {
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const modeler = useRef<Modeler | null>(null);
  const latest = useRef(props);
  latest.current = props;

  const build = async (xml: string) => {
    modeler.current?.destroy();
    const created = createModeler({
      container: canvas.current!,
      panel: panel.current!,
      limitHours: latest.current.limitHours,
    });
    created.on('linting.completed', (event: { issues: Parameters<typeof findingsOfLint>[0] }) => {
      if (modeler.current === created) latest.current.onLint(findingsOfLint(event.issues));
    });
    created.on('commandStack.changed', () => latest.current.onChange());
    modeler.current = created;
    try {
      await created.importXML(xml);
      (created.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
      markServerFindings(created, latest.current.serverFindings, t('serverLabel'));
      latest.current.onReady(created);
    } catch (err) {
      latest.current.onError(new Error(t('diagramError', { reason: (err as Error).message })));
    }
  };

  useEffect(() => {
    void build(props.xml);
  }, [props.importKey]);

  useEffect(
    () =>
      onLangChange(async () => {
        const current = modeler.current;
        if (!current) return;
        const { xml } = await current.saveXML();
        await build(xml ?? latest.current.xml);
      }),
    [],
  );

  useEffect(() => {
    if (modeler.current) markServerFindings(modeler.current, props.serverFindings, t('serverLabel'));
  }, [props.serverFindings]);

  useEffect(
    () => () => {
      modeler.current?.destroy();
      latest.current.onReady(null);
    },
    [],
  );

  return (
    <>
      <div class="editor-canvas" ref={canvas} data-testid="modeler-canvas" />
      <div class="editor-panel" ref={panel} data-testid="properties-panel" />
    </>
  );
}
