import type { PageProps } from '../shell/routes';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import { auditApi } from './audit-api';
import { t } from './messages';
import { ReplayView } from './replay-view';
import './replay.css';

/** /kiem-tra/:code — a dossier's recorded history replayed on the diagram version it ran on. */
export default function ReplayPage({ params }: PageProps) {
  const code = params.code ?? '';
  const loaded = useLoad(async () => {
    const dossier = await auditApi.dossier(code);
    const [replay, history, xml] = await Promise.all([
      auditApi.replay(code),
      auditApi.history(code),
      auditApi.bpmn(dossier.procedureCode, dossier.procedureVersion),
    ]);
    return { dossier, replay, history, xml };
  }, [code]);
  if (loaded.error) {
    return (
      <section class="audit">
        <Link href="/kiem-tra">{t('back')}</Link>
        <ErrorBox error={loaded.error} />
      </section>
    );
  }
  if (!loaded.data) return <Spinner label={t('loading')} />;
  return <ReplayView key={loaded.data.dossier.code} {...loaded.data} />;
}
