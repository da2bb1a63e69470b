import { DateInput } from './date-input';
import { t } from './messages';
import type { ChangeKind } from './types';

export interface ChangeDraft {
  key: number;
  procedureCode: string;
  kind: ChangeKind;
  replacesCode: string;
  effectiveFrom: string;
}

const KINDS: ChangeKind[] = ['new', 'amend', 'replace', 'abolish'];

/** One line of the announcement form: which procedure, what happens to it, from when. */
export function ChangeFields({
  draft,
  onChange,
  onRemove,
}: {
  draft: ChangeDraft;
  onChange: (draft: ChangeDraft) => void;
  onRemove?: () => void;
}) {
  const set = (field: keyof ChangeDraft) => (event: Event) =>
    onChange({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });
  return (
    <div class="change-fields" data-testid="change-fields">
      <input
        aria-label={t('procedureCode')}
        placeholder={t('procedureCode')}
        list="procedure-codes"
        value={draft.procedureCode}
        onInput={set('procedureCode')}
        required
      />
      <select aria-label={t('kind')} value={draft.kind} onChange={set('kind')}>
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kind_${kind}`)}
          </option>
        ))}
      </select>
      <DateInput
        aria-label={t('effectiveFrom')}
        title={`${t('effectiveFrom')} (dd/mm/yyyy)`}
        value={draft.effectiveFrom}
        onInput={set('effectiveFrom')}
      />
      <button
        type="button"
        aria-label={t('removeChange')}
        title={t('removeChange')}
        disabled={!onRemove}
        onClick={onRemove}
      >
        ×
      </button>
      {draft.kind === 'replace' && (
        <input
          class="replaces"
          aria-label={t('replacesCode')}
          placeholder={t('replacesCode')}
          list="procedure-codes"
          value={draft.replacesCode}
          onInput={set('replacesCode')}
          required
        />
      )}
    </div>
  );
}
