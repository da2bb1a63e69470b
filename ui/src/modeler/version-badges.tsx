import { t } from './messages';
import type { Version } from './types';

const TONE: Record<Version['status'], string> = { draft: 'warn', submitted: 'warn', published: 'ok', retired: '' };

/** The versions worth knowing at a glance: the one in force, drafts and the one awaiting review. */
export function VersionBadges({ versions }: { versions: Pick<Version, 'number' | 'status' | 'inForce'>[] }) {
  const shown = versions.filter((v) => v.inForce || v.status === 'draft' || v.status === 'submitted');
  if (shown.length === 0) return <span class="muted">{t('noVersion')}</span>;
  return (
    <span class="version-badges">
      {shown.map((v) => (
        <span key={v.number} class={`badge ${v.inForce ? 'ok' : TONE[v.status]}`}>
          v{v.number} {v.inForce ? t('inForce') : t(`status_${v.status}`)}
        </span>
      ))}
    </span>
  );
}
