import { fieldAttributes, FieldError, type FieldErrors } from '../app/forms/field-error';
import { t } from './messages';
import type { Applicant } from './types';

type Key = keyof Applicant;

/** Who applies: full name, ID number (CCCD, CMND or passport), phone and e-mail for notices. */
export function ApplicantFields({
  applicant,
  errors,
  onChange,
}: {
  applicant: Applicant;
  errors: FieldErrors;
  onChange: (next: Applicant) => void;
}) {
  const field = (key: Key, label: string, required: boolean, extra: Record<string, string> = {}) => {
    const pointer = `/applicant/${key}`;
    const error = errors[pointer];
    return (
      <div class={`field${error ? ' has-error' : ''}`} data-field={pointer}>
        <label>
          <span>
            {label}
            {required && <span class="required"> *</span>}
          </span>
          <input
            {...fieldAttributes(pointer, error)}
            name={key}
            value={applicant[key] ?? ''}
            onInput={(e) => onChange({ ...applicant, [key]: (e.currentTarget as HTMLInputElement).value })}
            {...extra}
          />
        </label>
        <FieldError pointer={pointer} message={error} />
      </div>
    );
  };
  return (
    <div class="form-grid">
      {field('fullName', t('fullName'), true, { autocomplete: 'name' })}
      {field('idNumber', t('idNumber'), true, { inputmode: 'text', placeholder: t('idNumberHint') })}
      {field('phone', t('phone'), false, { type: 'tel', autocomplete: 'tel' })}
      {field('email', t('email'), false, { type: 'email', autocomplete: 'email' })}
    </div>
  );
}
