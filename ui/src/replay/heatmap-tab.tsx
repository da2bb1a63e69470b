import { navigate } from '../app/router';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import { auditApi, heatmapHref } from './audit-api';
import { HeatmapView } from './heatmap-view';
import { t } from './messages';
import type { VersionSummary } from './types';

/** Choose a procedure and one of its published versions; its heatmap below (the version in force by default). */
export function HeatmapTab({ procedure, version }: { procedure: string; version: number | undefined }) {
  const procedures = useLoad(auditApi.procedures, []);
  // Tagged with their procedure: right after a change of procedure the previous list is still loaded.
  const versions = useLoad(
    async () => ({ procedure, list: procedure ? await auditApi.versions(procedure) : [] }),
    [procedure],
  );
  const current = versions.data?.procedure === procedure ? versions.data.list : undefined;
  const published = (current ?? []).filter((v) => v.status === 'published' || v.status === 'retired');
  const shown = published.find((v) => v.number === version) ?? published.find((v) => v.inForce) ?? published[0];
  return (
    <div class="heatmap-tab">
      <div class="toolbar">
        <label class="grow">
          {t('chooseProcedure')}
          <select
            value={procedure}
            onChange={(e) => navigate(heatmapHref(e.currentTarget.value))}
            data-testid="heatmap-procedure"
          >
            <option value="">—</option>
            {(procedures.data ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} — {p.name}
              </option>
            ))}
          </select>
        </label>
        {procedure && published.length > 0 && (
          <label>
            {t('chooseVersion')}
            <select
              value={String(shown?.number)}
              onChange={(e) => navigate(heatmapHref(procedure, Number(e.currentTarget.value)))}
              data-testid="heatmap-version"
            >
              {published.map((v) => (
                <option key={v.number} value={String(v.number)}>
                  {versionLabel(v)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ErrorBox error={procedures.error ?? versions.error} />
      {procedure && !current && !versions.error && <Spinner label={t('loading')} />}
      {procedure && current && published.length === 0 && <p class="muted">{t('noVersions')}</p>}
      {procedure && shown && (
        <HeatmapView key={`${procedure}/${shown.number}`} procedure={procedure} version={shown.number} />
      )}
    </div>
  );
}

function versionLabel(v: VersionSummary): string {
  const state = v.inForce ? t('inForce') : v.status === 'retired' ? t('retired') : '';
  return `${t('version', { n: v.number })}${state ? ` (${state})` : ''}`;
}
