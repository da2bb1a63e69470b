import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { t } from './messages';
import { OnlineLevelBadge } from './online-level';
import { SubmitForm } from './submit-form';
import { SubmittedReceipt } from './submitted-receipt';
import type { Procedure, SubmittedDossier } from './types';
import './portal.css';

/** /nop-truc-tuyen/:code (citizens): the online application for one procedure, then the dossier's code. */
export default function SubmitPage({ params, user }: PageProps) {
  const code = params.code ?? '';
  const loaded = useLoad(() => api<Procedure>(`/procedures/${encodeURIComponent(code)}`), [code]);
  const [submitted, setSubmitted] = useState<SubmittedDossier | null>(null);
  const p = loaded.data;
  const done = (dossier: SubmittedDossier) => {
    setSubmitted(dossier);
    scrollTo({ top: 0 });
  };
  return (
    <section class="portal submit">
      <p class="crumbs">
        <Link href={`/thu-tuc/${encodeURIComponent(code)}`}>← {p?.name ?? code}</Link>
      </p>
      <ErrorBox error={loaded.error} />
      {!p && loaded.loading && <Spinner label={t('loading')} />}
      {p && (
        <>
          <h1>
            {t('submitTitle')}: {p.name} <OnlineLevelBadge level={p.onlineLevel} />
          </h1>
          {submitted ? (
            <SubmittedReceipt dossier={submitted} procedureName={p.name} />
          ) : !p.onlineLevel || p.status === 'abolished' || !p.version ? (
            <p class="notice">{p.onlineLevel ? t('notAccepting') : t('notOnline')}</p>
          ) : (
            <SubmitForm procedure={p} user={user} onSubmitted={done} />
          )}
        </>
      )}
    </section>
  );
}
