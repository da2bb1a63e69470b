import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorBox } from '../app/ui';
import { moddleExtensions } from './moddle';
import './diagram.css';

export type Viewer = NavigatedViewer;

/**
 * A read-only diagram (pan and zoom). `onShown` receives the viewer once the XML is drawn, to add markers and
 * overlays; it runs again whenever `xml` changes.
 */
export function DiagramView(props: {
  xml: string;
  onShown?: (viewer: Viewer) => void;
  class?: string;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    viewer.current = new NavigatedViewer({ container: container.current!, moddleExtensions });
    return () => viewer.current?.destroy();
  }, []);

  useEffect(() => {
    const current = viewer.current!;
    current.importXML(props.xml).then(
      () => {
        (current.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
        setError(null);
        props.onShown?.(current);
      },
      (err: unknown) => setError(new Error(`Không vẽ được sơ đồ: ${(err as Error).message}`)),
    );
  }, [props.xml]);

  return (
    <div class={props.class ?? 'canvas'} data-testid={props.testId}>
      <div ref={container} style={{ width: '100%', height: '100%' }} />
      <ErrorBox error={error} />
    </div>
  );
}
