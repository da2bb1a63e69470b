import { formatDate } from '../app/format';
import { ErrorSummary } from '../app/forms/error-summary';
import { SchemaForm } from '../app/forms/schema-form';
import type { User } from '../app/session';
import { ErrorBox } from '../app/ui';
import { ApplicantFields } from './applicant-fields';
import { DocumentInputs } from './document-inputs';
import { t } from './messages';
import type { Procedure, SubmittedDossier } from './types';
import { UnitPicker } from './unit-picker';
import { UploadProgress } from './upload-progress';
import { useOnlineDossier } from './use-online-dossier';

/** The online application: applicant, unit, the procedure's own form, the documents; checked before anything is sent. */
export function SubmitForm({
  procedure,
  user,
  onSubmitted,
}: {
  procedure: Procedure;
  user: User | null;
  onSubmitted: (d: SubmittedDossier) => void;
}) {
  const f = useOnlineDossier(procedure, user, onSubmitted);
  const errorCount = Object.keys(f.errors).length;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (f.progress === null) void f.submit();
  };
  return (
    <form class="portal-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary
        errors={f.errors}
        attempt={f.attempt}
        title={(n) => t(n === 1 ? 'errorSummaryOne' : 'errorSummary', { n })}
      />
      <fieldset class="panel">
        <legend>{t('applicantSection')}</legend>
        <ApplicantFields applicant={f.applicant} errors={f.errors} onChange={f.setApplicant} />
        {f.identity && (
          <p class="muted small" data-testid="identity-prefill">
            {t('fromVneid', {
              birth: f.identity.birthDate ? formatDate(f.identity.birthDate) : '–',
              address: f.identity.address ?? '–',
            })}
          </p>
        )}
      </fieldset>
      <fieldset class="panel">
        <legend>{t('unitSection')}</legend>
        <UnitPicker
          procedure={procedure}
          level={f.level}
          unitCode={f.unitCode}
          error={f.errors['/unitCode']}
          onLevel={f.setLevel}
          onUnit={f.setUnitCode}
        />
      </fieldset>
      {procedure.formSchema?.properties && (
        <fieldset class="panel">
          <legend>{t('formSection')}</legend>
          <SchemaForm schema={procedure.formSchema} values={f.values} errors={f.errors} onChange={f.setValues} />
        </fieldset>
      )}
      <fieldset class="panel">
        <legend>{t('documentsSection')}</legend>
        <DocumentInputs documents={procedure.documents} files={f.files} errors={f.errors} onChange={f.setFiles} />
      </fieldset>
      <div class="submit-bar">
        {errorCount > 0 && <p class="field-error">{t('fixErrors', { n: errorCount })}</p>}
        <ErrorBox error={f.failure} />
        {f.progress !== null && <UploadProgress fraction={f.progress} />}
        <button type="submit" class="primary" disabled={f.progress !== null}>
          {f.progress !== null ? t('sending') : t('submitDossier')}
        </button>
      </div>
    </form>
  );
}
