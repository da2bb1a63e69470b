import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox } from '../app/ui';
import { ACCEPT, DECISION_POINTERS, DecisionFields, decisionBody, type Decision } from './decision-fields';
import { placeErrors } from './field-errors';
import { t } from './messages';
import type { Dossier } from './types';
import { useAction } from './use-action';

/** The desk's decision on a dossier submitted online: accept, request supplementation, or refuse. */
export function OnlineDecision({ code, onDone }: { code: string; onDone: (dossier: Dossier) => void }) {
  const [decision, setDecision] = useState<Decision>(ACCEPT);
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
      <DecisionFields
        name={`online-${code}`}
        decision={decision}
        errors={failure?.fields ?? {}}
        onChange={setDecision}
      />
      <ErrorBox error={failure?.rest} />
      <button type="submit" class="primary" disabled={action.busy}>
        {action.busy ? t('submitting') : t('submitReceipt')}
      </button>
    </form>
  );
}
