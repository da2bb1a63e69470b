import { t } from './messages';

export type Tab = 'edit' | 'diff';

/** Editing the open version, or comparing two versions. */
export function EditorTabs({ tab, onTab }: { tab: Tab; onTab: (tab: Tab) => void }) {
  const button = (value: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={tab === value}
      class={tab === value ? 'active' : ''}
      onClick={() => onTab(value)}
    >
      {label}
    </button>
  );
  return (
    <div class="tabs" role="tablist">
      {button('edit', t('tabEdit'))}
      {button('diff', t('tabDiff'))}
    </div>
  );
}
