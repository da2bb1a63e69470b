import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Finding } from '../app/api';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import { DiagramView } from '../diagram/diagram-view';
import type { PageProps } from '../shell/routes';
import { elementName, focusElement, type Diagram } from './diagram-focus';
import { EditorTabs, type Tab } from './editor-tabs';
import { FindingsList } from './findings-list';
import { t } from './messages';
import { ModelerCanvas } from './modeler-canvas';
import { markServerFindings } from './server-findings';
import { limitHoursOf, type ProcedureInfo } from './types';
import { useVersionEditor } from './use-version-editor';
import { VersionCompare } from './version-compare';
import { VersionToolbar } from './version-toolbar';
import './modeler.css';

/** /so-do/:code — the department's editor for one procedure's diagram. */
export default function EditorPage({ params }: PageProps) {
  const code = params.code!;
  const procedure = useLoad(() => api<ProcedureInfo>(`/procedures/${encodeURIComponent(code)}`), [code]);
  const editor = useVersionEditor(code);
  const [tab, setTab] = useState<Tab>('edit');
  const [live, setLive] = useState<Finding[]>([]);
  const diagram = useRef<Diagram | null>(null);
  const info = procedure.data;
  const opened = editor.opened;
  const editable = opened?.version.status === 'draft';
  // The editor stays mounted (hidden) while comparing, so unsaved edits survive; back in view it measures itself again.
  useEffect(() => {
    if (tab === 'edit') (diagram.current?.get('canvas') as { resized(): void } | undefined)?.resized();
  }, [tab]);

  return (
    <section class="modeler-editor">
      <div class="editor-head">
        <Link href="/so-do">{t('backToList')}</Link>
        <h1>
          {code} {info && `— ${info.name}`}
        </h1>
        {info && (
          <span class="muted">
            {t('timeLimit')}:{' '}
            {info.sameDay ? t('sameDay') : info.timeLimitHours ? t('hours', { n: info.timeLimitHours }) : '—'}
          </span>
        )}
        {editor.versions.data && <EditorTabs tab={tab} onTab={setTab} />}
      </div>
      <ErrorBox error={procedure.error ?? editor.versions.error} />
      {info && editor.versions.data && tab === 'edit' && <VersionToolbar editor={editor} />}
      <ErrorBox error={editor.error} />
      {editor.notice && (
        <p class="flash" role="status" data-testid="editor-notice">
          {editor.notice}
        </p>
      )}
      {tab === 'edit' && editable && opened.version.rejectedReason && (
        <p class="flash warn">{t('rejected', { reason: opened.version.rejectedReason })}</p>
      )}
      {((!info && procedure.loading) ||
        (!editor.versions.data && editor.versions.loading) ||
        (editor.busy && !opened)) && <Spinner label={t('loading')} />}
      {tab === 'diff' && editor.versions.data && (
        <VersionCompare key={editor.versions.data.length} code={code} versions={editor.versions.data} />
      )}
      {info && opened && (
        <div class="editor-grid" hidden={tab !== 'edit'}>
          {editable ? (
            <ModelerCanvas
              xml={opened.xml}
              importKey={opened.key}
              limitHours={limitHoursOf(info)}
              serverFindings={editor.serverFindings}
              onReady={(m) => {
                diagram.current = m;
                editor.attach(m);
              }}
              onLint={setLive}
              onChange={editor.changed}
              onError={editor.failed}
            />
          ) : (
            <>
              <DiagramView
                xml={opened.xml}
                class="editor-canvas"
                testId="readonly-canvas"
                onShown={(viewer) => {
                  diagram.current = viewer;
                  markServerFindings(viewer, editor.serverFindings, t('serverLabel'));
                }}
              />
              <aside class="editor-panel readonly-note" data-testid="readonly-note">
                <p>{t('readOnly', { n: opened.version.number, status: t(`status_${opened.version.status}`) })}</p>
              </aside>
            </>
          )}
          <FindingsList
            live={editable ? live : null}
            server={editor.serverFindings}
            describe={(id) => elementName(diagram.current, id)}
            onPick={(id) => focusElement(diagram.current, id)}
          />
        </div>
      )}
    </section>
  );
}
