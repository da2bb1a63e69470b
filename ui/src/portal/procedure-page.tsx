import { api } from '../app/api';
import { formatDate } from '../app/format';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { DocumentList } from './document-list';
import { levelLabel } from './levels';
import { t } from './messages';
import { OnlineLevelBadge } from './online-level';
import { SubmitOnlineButton } from './submit-online-button';
import type { Procedure } from './types';
import './portal.css';

/** /thu-tuc/:code: what a citizen needs to know before applying, and the way to apply online. */
export default function ProcedurePage({ params, user }: PageProps) {
  const code = params.code ?? '';
  const loaded = useLoad(() => api<Procedure>(`/procedures/${encodeURIComponent(code)}`), [code]);
  const p = loaded.data;
  return (
    <section class="portal procedure">
      <p class="crumbs">
        <Link href="/thu-tuc">← {t('proceduresTitle')}</Link>
      </p>
      <ErrorBox error={loaded.error} />
      {!p && loaded.loading && <Spinner label={t('loading')} />}
      {p && (
        <>
          <div class="procedure-head">
            <h1>{p.name}</h1>
            <SubmitOnlineButton procedure={p} user={user} />
          </div>
          <dl class="facts panel">
            <dt>{t('code')}</dt>
            <dd>{p.code}</dd>
            <dt>{t('field')}</dt>
            <dd>{p.field}</dd>
            <dt>{t('agency')}</dt>
            <dd>{p.agency ?? '—'}</dd>
            <dt>{t('level')}</dt>
            <dd>{p.levels.map(levelLabel).join(', ')}</dd>
            <dt>{t('timeLimit')}</dt>
            <dd>{p.timeLimitText ?? '—'}</dd>
            <dt>{t('fee')}</dt>
            <dd data-testid="fee">{p.fee ?? t('noFee')}</dd>
            <dt>{t('onlineLevel')}</dt>
            <dd>
              <OnlineLevelBadge level={p.onlineLevel} />
            </dd>
            <dt>{t('versionInForce')}</dt>
            <dd>
              {p.version
                ? t('versionN', { n: p.version.number, date: formatDate(p.version.validFrom ?? p.version.publishedAt) })
                : p.status === 'abolished'
                  ? t('abolished')
                  : t('noVersion')}
            </dd>
          </dl>
          <h2>{t('documents')}</h2>
          <DocumentList documents={p.documents} />
        </>
      )}
    </section>
  );
}
