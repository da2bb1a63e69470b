import { useState } from 'preact/hooks';
import { DiffView } from '../diagram/diff-view';
import { t } from './messages';
import type { Version } from './types';

/** Two versions side by side, what was added, removed or changed coloured (the shared DiffView). */
export function VersionCompare({
  code,
  versions,
}: {
  code: string;
  versions: Pick<Version, 'number' | 'status' | 'inForce'>[];
}) {
  const last = versions[versions.length - 1]?.number ?? 0;
  const base =
    versions.find((v) => v.inForce && v.number !== last)?.number ?? versions[versions.length - 2]?.number ?? 0;
  const [older, setOlder] = useState(base);
  const [newer, setNewer] = useState(last);
  if (versions.length < 2) return <p class="muted">{t('needTwoVersions')}</p>;
  const choose = (label: string, value: number, set: (n: number) => void, testId: string) => (
    <label class="inline">
      {label}
      <select value={value} onChange={(e) => set(Number(e.currentTarget.value))} data-testid={testId}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t('versionLabel', { n: v.number })} — {t(`status_${v.status}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="version-compare">
      <div class="toolbar">
        {choose(t('compareOlder'), older, setOlder, 'compare-older')}
        {choose(t('compareNewer'), newer, setNewer, 'compare-newer')}
      </div>
      <DiffView code={code} older={older} newer={newer} />
    </div>
  );
}
