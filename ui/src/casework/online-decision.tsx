import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox } from '../app/ui';
import { AttachmentsList } from './attachments-list';
import { DossierDeclaration } from './declaration';
import { DECISION_POINTERS, DecisionFields, decisionBody, UNDECIDED, type Decision } from './decision-fields';
import { placeErrors } from './field-errors';
import { t } from './messages';
import type { Dossier } from './types';
import { useAction } from './use-action';

/**
 * The desk's decision on a dossier submitted online, after reading it: the applicant's declaration and files first,
 * then accept, request supplementation, or refuse — nothing chosen in advance.
 */
export function OnlineDecision({
  code,
  onDone,
  showDossier = true,
}: {
  code: string;
  onDone: (dossier: Dossier) => void;
  /** Off on the dossier's own page, which shows the declaration and files already. */
  showDossier?: boolean;
}) {
  const [decision, setDecision] = useState<Decision>(UNDECIDED);
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const path = `/dossiers/${encodeURIComponent(code)}/receive`;
    const dossier = await action.run(() => api<Dossier>(path, { body: { json: decisionBody(decision) } }));
    if (dossier) onDone(dossier);
  };
  const failure = action.error ? placeErrors(action.error, (p) => DECISION_POINTERS.includes(p)) : null;
  return (
    <form class="online-decision" onSubmit={submit} noValidate data-testid={`decide-${code}`}>
      {showDossier && <DossierDeclaration code={code} />}
      {showDossier && <AttachmentsList code={code} canAttach={false} onAttached={() => undefined} />}
      <DecisionFields
        name={`online-${code}`}
        decision={decision}
        errors={failure?.fields ?? {}}
        onChange={setDecision}
      />
      <ErrorBox error={failure?.rest} />
      {decision.outcome === null && <p class="muted small">{t('decideAfterReading')}</p>}
      <button type="submit" class="primary" disabled={action.busy || decision.outcome === null}>
        {action.busy ? t('submitting') : t('submitReceipt')}
      </button>
    </form>
  );
}
