import { fieldAttributes, FieldError, type FieldErrors } from '../app/forms/field-error';
import { t } from './messages';
import type { ReceiptOutcome } from './types';

export interface Decision {
  /** Null until the officer chooses (a dossier submitted online is decided after reading it). */
  outcome: ReceiptOutcome | null;
  missingItems: string;
  reason: string;
}

export const ACCEPT: Decision = { outcome: 'accept', missingItems: '', reason: '' };
export const UNDECIDED: Decision = { ...ACCEPT, outcome: null };
const OUTCOMES: ReceiptOutcome[] = ['accept', 'supplement', 'refuse'];

/** The three outcomes of receipt: accept; ask for every missing item at once; refuse with a reason. */
export function DecisionFields(props: {
  name: string;
  decision: Decision;
  errors: FieldErrors;
  onChange: (decision: Decision) => void;
}) {
  const { name, decision, errors, onChange } = props;
  return (
    <fieldset class="decision-fields">
      <legend>{t('decisionTitle')}</legend>
      <div class="choices" role="radiogroup">
        {OUTCOMES.map((outcome) => (
          <label key={outcome} class="choice">
            <input
              type="radio"
              name={name}
              value={outcome}
              checked={decision.outcome === outcome}
              onChange={() => onChange({ ...decision, outcome })}
            />
            {t(`decision_${outcome}`)}
          </label>
        ))}
      </div>
      {decision.outcome === 'supplement' && (
        <div class="field" data-field="/missingItems">
          <label>
            {t('missingItems')}
            <textarea
              {...fieldAttributes(`/${name}/missingItems`, errors['/missingItems'])}
              rows={3}
              value={decision.missingItems}
              onInput={(e) => onChange({ ...decision, missingItems: e.currentTarget.value })}
            />
          </label>
          <FieldError pointer={`/${name}/missingItems`} message={errors['/missingItems']} />
        </div>
      )}
      {decision.outcome === 'refuse' && (
        <div class="field" data-field="/reason">
          <label>
            {t('refusalReason')}
            <textarea
              {...fieldAttributes(`/${name}/reason`, errors['/reason'])}
              rows={2}
              maxLength={2000}
              value={decision.reason}
              onInput={(e) => onChange({ ...decision, reason: e.currentTarget.value })}
            />
          </label>
          <FieldError pointer={`/${name}/reason`} message={errors['/reason']} />
        </div>
      )}
    </fieldset>
  );
}

/** The decision as the API takes it. */
export function decisionBody(decision: Decision) {
  const items = decision.missingItems
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  if (decision.outcome === 'supplement')
    return { outcome: decision.outcome, ...(items.length ? { missingItems: items } : {}) };
  if (decision.outcome === 'refuse')
    return { outcome: decision.outcome, ...(decision.reason.trim() ? { reason: decision.reason.trim() } : {}) };
  return { outcome: decision.outcome ?? 'accept' };
}

export const DECISION_POINTERS = ['/missingItems', '/reason'];
