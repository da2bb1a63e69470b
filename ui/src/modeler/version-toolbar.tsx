import { t } from './messages';
import type { Version } from './types';
import type { VersionEditor } from './use-version-editor';

const describe = (v: Version) =>
  `${t('versionLabel', { n: v.number })} — ${t(`status_${v.status}`)}${v.inForce ? `, ${t('inForce')}` : ''}`;

/** Which version is open, and what can be done with it: new draft, upload, download, save, submit. */
export function VersionToolbar({ editor }: { editor: VersionEditor }) {
  const list = editor.versions.data ?? [];
  const opened = editor.opened?.version;
  const draft = opened?.status === 'draft';
  const onFile = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void editor.upload(file);
  };
  const openChooser = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).querySelector('input')?.click();
  };
  return (
    <div class="toolbar editor-toolbar">
      <select
        aria-label={t('openVersion')}
        data-testid="version-select"
        value={opened?.number ?? ''}
        disabled={editor.busy || list.length === 0}
        onChange={(e) => void editor.open(Number(e.currentTarget.value))}
      >
        {list.length === 0 && <option value="">{t('noVersion')}</option>}
        {list.map((v) => (
          <option key={v.number} value={v.number}>
            {describe(v)}
          </option>
        ))}
      </select>
      {editor.dirty && <span class="badge warn">{t('unsaved')}</span>}
      <span class="grow" />
      <button type="button" disabled={editor.busy || !editor.inForce} onClick={() => void editor.createDraft()}>
        {t('createDraft')}
      </button>
      <label class={`button-like ${editor.busy ? 'disabled' : ''}`} tabIndex={0} onKeyDown={openChooser}>
        {t('upload')}
        <input
          type="file"
          accept=".bpmn,.xml,application/xml,text/xml"
          hidden
          disabled={editor.busy}
          onChange={onFile}
          data-testid="upload-input"
        />
      </label>
      <button type="button" disabled={editor.busy || !opened} onClick={() => void editor.download()}>
        {t('download')}
      </button>
      <button type="button" disabled={editor.busy || !draft} onClick={() => void editor.save()}>
        {t('save')}
      </button>
      <button type="button" class="primary" disabled={editor.busy || !draft} onClick={() => void editor.submit()}>
        {t('submit')}
      </button>
    </div>
  );
}
