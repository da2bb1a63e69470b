import { useState } from 'preact/hooks';
import { fieldAttributes, FieldError } from '../app/forms/field-error';
import { ID_NUMBER_PATTERN } from '../../../src/vocabulary/id-number';
import { t } from './messages';

/** The dossier code (printed on the receipt) and the applicant's ID number: both are needed to see a dossier. */
export function TrackForm({
  initialCode,
  busy,
  onTrack,
}: {
  initialCode: string;
  busy: boolean;
  onTrack: (code: string, idNumber: string) => void;
}) {
  const [code, setCode] = useState(initialCode);
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<{ code?: string; idNumber?: string }>({});
  const submit = (event: Event) => {
    event.preventDefault();
    const found = {
      code: code.trim() ? undefined : t('codeMissing'),
      idNumber: new RegExp(ID_NUMBER_PATTERN).test(idNumber.trim()) ? undefined : t('idNumberInvalid'),
    };
    setErrors(found);
    if (!found.code && !found.idNumber) onTrack(code.trim(), idNumber.trim());
  };
  return (
    <form class="track-form panel" noValidate onSubmit={submit}>
      <div class={`field${errors.code ? ' has-error' : ''}`} data-field="code">
        <label>
          {t('dossierCode')}
          <input
            {...fieldAttributes('/code', errors.code)}
            name="code"
            value={code}
            placeholder="H26.00001-181119-0001"
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <FieldError pointer="/code" message={errors.code} />
      </div>
      <div class={`field${errors.idNumber ? ' has-error' : ''}`} data-field="idNumber">
        <label>
          {t('idNumber')}
          <input
            {...fieldAttributes('/idNumber', errors.idNumber)}
            name="idNumber"
            value={idNumber}
            placeholder={t('idNumberHint')}
            onInput={(e) => setIdNumber((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <FieldError pointer="/idNumber" message={errors.idNumber} />
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('searching') : t('track')}
      </button>
    </form>
  );
}
