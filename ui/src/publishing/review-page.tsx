import { api } from '../app/api';
import { formatDate } from '../app/format';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { t } from './messages';
import { pendingChangesFor } from './pending-changes';
import { PublishForm } from './publish-form';
import { RejectForm } from './reject-form';
import { ReviewDiagram } from './review-diagram';
import type { Announcement, Procedure, Version } from './types';
import { VersionFindings } from './version-findings';
import './publishing.css';

/** /cong-bo/:code/:n — one submitted version beside the version in force, its findings, and the decision on it. */
export default function ReviewPage({ params }: PageProps) {
  const code = params.code ?? '';
  const n = Number(params.n);
  const path = `/procedures/${encodeURIComponent(code)}`;
  const loaded = useLoad(
    () =>
      Promise.all([api<Procedure>(path), api<Version>(`${path}/versions/${n}`), api<Announcement[]>('/announcements')]),
    [code, n],
  );
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!loaded.data) return <Spinner label={t('loading')} />;
  const [procedure, version, announcements] = loaded.data;
  const inForce = procedure.version;
  return (
    <section class="publishing-review">
      <div class="toolbar">
        <Link href="/cong-bo">{t('backToDesk')}</Link>
        <h1 class="grow">
          {t('reviewTitle', { n, code })} <span class="muted">{procedure.name}</span>
        </h1>
        <span class="badge">{t(`status_${version.status}`)}</span>
      </div>
      <p class="muted">{inForce ? inForceText(inForce) : t('noneInForce')}</p>
      <div class="review-columns">
        <div class="review-diagram">
          <ReviewDiagram code={code} inForce={inForce?.number ?? null} n={n} />
        </div>
        <aside>
          <VersionFindings findings={version.findings} />
          {version.status === 'submitted' ? (
            <>
              <PublishForm code={code} n={n} pending={pendingChangesFor(announcements, code)} />
              <RejectForm code={code} n={n} />
            </>
          ) : (
            <p class="notice-box">{t('notSubmitted', { status: t(`status_${version.status}`) })}</p>
          )}
        </aside>
      </div>
    </section>
  );
}

function inForceText(version: NonNullable<Procedure['version']>): string {
  const since = version.validFrom ?? version.publishedAt;
  return since
    ? `${t('inForce', { n: version.number })} (${t('since', { date: formatDate(since) })})`
    : t('inForce', { n: version.number });
}
