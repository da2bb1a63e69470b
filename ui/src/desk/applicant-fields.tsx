import { fieldAttributes, FieldError, type FieldErrors } from '../app/forms/field-error';
import { t } from '../casework/messages';

export interface ApplicantValues {
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
}

export const EMPTY_APPLICANT: ApplicantValues = { fullName: '', idNumber: '', phone: '', email: '' };

const FIELDS: { name: keyof ApplicantValues; label: () => string; required: boolean; type?: string; width?: string }[] =
  [
    { name: 'fullName', label: () => t('fullName'), required: true },
    { name: 'idNumber', label: () => t('idNumber'), required: true },
    { name: 'phone', label: () => t('phone'), required: false, type: 'tel' },
    { name: 'email', label: () => t('email'), required: false, type: 'email' },
  ];

/** Who brings the dossier: name and ID number required, phone and email for notices; the server's messages under each. */
export function ApplicantFields(props: {
  values: ApplicantValues;
  errors: FieldErrors;
  onChange: (values: ApplicantValues) => void;
}) {
  const { values, errors, onChange } = props;
  return (
    <fieldset class="applicant-fields">
      <legend>{t('applicantTitle')}</legend>
      {FIELDS.map((f) => {
        const pointer = `/applicant/${f.name}`;
        return (
          <div key={f.name} class={`field${errors[pointer] ? ' has-error' : ''}`} data-field={pointer}>
            <label>
              <span>
                {f.label()}
                {f.required && <span class="required"> *</span>}
              </span>
              <input
                {...fieldAttributes(pointer, errors[pointer])}
                type={f.type ?? 'text'}
                value={values[f.name]}
                onInput={(e) => onChange({ ...values, [f.name]: e.currentTarget.value })}
              />
            </label>
            <FieldError pointer={pointer} message={errors[pointer]} />
          </div>
        );
      })}
    </fieldset>
  );
}

/** The applicant as the API takes it: optional fields left out when empty. */
export function applicantBody(values: ApplicantValues) {
  return {
    fullName: values.fullName.trim(),
    idNumber: values.idNumber.trim(),
    ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
  };
}
