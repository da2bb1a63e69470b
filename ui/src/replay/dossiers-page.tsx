import type { PageProps } from '../shell/routes';
import { Link } from '../app/ui';
import { DossierFinder } from './dossier-finder';
import { HeatmapTab } from './heatmap-tab';
import { t } from './messages';
import { useAddressQuery } from '../app/router';
import './replay.css';

/** /kiem-tra: pick a dossier to replay, or (?tab=heatmap&procedure=…&version=…) a procedure version's heatmap. */
export default function DossiersPage(_props: PageProps) {
  const query = useAddressQuery();
  const heatmap = query.get('tab') === 'heatmap';
  const version = Number(query.get('version'));
  return (
    <section class="audit">
      <h1>{t('title')}</h1>
      <nav class="tabs" role="tablist">
        <Link href="/kiem-tra" class={heatmap ? 'tab' : 'tab active'}>
          {t('tabDossiers')}
        </Link>
        <Link href="/kiem-tra?tab=heatmap" class={heatmap ? 'tab active' : 'tab'}>
          {t('tabHeatmap')}
        </Link>
      </nav>
      {heatmap ? (
        <HeatmapTab
          procedure={query.get('procedure') ?? ''}
          version={Number.isInteger(version) && version > 0 ? version : undefined}
        />
      ) : (
        <DossierFinder />
      )}
    </section>
  );
}
