import { useState } from 'preact/hooks';
import { api, ApiError } from '../app/api';
import { ErrorSummary } from '../app/forms/error-summary';
import { changedPointers } from '../app/forms/field-edits';
import type { FieldErrors } from '../app/forms/field-error';
import { toData, type FormValues } from '../app/forms/form-values';
import { SchemaForm } from '../app/forms/schema-form';
import { useFieldErrors } from '../app/forms/use-field-errors';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import { ApplicantFields, applicantBody, EMPTY_APPLICANT, type ApplicantValues } from './applicant-fields';
import { CompetenceFields } from './competence-fields';
import { ACCEPT, DECISION_POINTERS, DecisionFields, decisionBody, type Decision } from '../casework/decision-fields';
import { placeErrors } from '../casework/field-errors';
import { t } from '../casework/messages';
import { ProcedurePicker } from './procedure-picker';
import type { Desk } from './receivable';
import { checklistBody, initialChecklist, RequiredDocuments, type ReceivedDocument } from './required-documents';
import type { Dossier, Procedure, ProcedureSummary } from '../casework/types';
import { useAction } from '../casework/use-action';
import { COMPETENCE_POINTERS, useCompetence } from './use-competence';

/**
 * Receipt at the counter: the procedure, the competent unit when the desk receives for another, the applicant, the
 * procedure's form, and the desk's decision.
 */
export function ReceiptForm(props: {
  desk: Desk;
  procedures: ProcedureSummary[];
  /** The procedures whose receipt here names the competent unit (received regardless of administrative boundary). */
  namesCompetentUnit: ReadonlySet<string>;
  onDone: (dossier: Dossier) => void;
}) {
  const [code, setCode] = useState('');
  const [applicant, setApplicant] = useState<ApplicantValues>(EMPTY_APPLICANT);
  const [values, setValues] = useState<FormValues>({});
  const [decision, setDecision] = useState<Decision>(ACCEPT);
  const [checklist, setChecklist] = useState<ReceivedDocument[]>([]);
  const procedure = useLoad(async () => {
    const loaded = code ? await api<Procedure>(`/procedures/${encodeURIComponent(code)}`) : null;
    setChecklist(initialChecklist(loaded?.documents ?? []));
    return loaded;
  }, [code]);
  const action = useAction();
  const fieldErrors = useFieldErrors();
  const schema = procedure.data?.formSchema ?? null;
  const loaded = procedure.loading ? null : (procedure.data ?? null);
  const competence = useCompetence(props.desk, loaded, !!loaded && props.namesCompetentUnit.has(loaded.code));

  const choose = (next: string) => {
    setCode(next);
    setValues({});
    competence.reset();
    action.clear();
    fieldErrors.set({});
  };
  const placeable = (pointer: string) =>
    /^\/applicant\/\w+$/.test(pointer) ||
    DECISION_POINTERS.includes(pointer) ||
    (competence.applies && COMPETENCE_POINTERS.includes(pointer)) ||
    (pointer.startsWith('/data/') && !!schema?.properties?.[pointer.slice(6)]);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!competence.check()) return fieldErrors.set({}, true);
    const body = {
      procedureCode: code,
      unitCode: props.desk.code,
      channel: 'direct',
      applicant: applicantBody(applicant),
      data: toData(schema, values),
      ...decisionBody(decision),
      ...competence.body(),
      ...(decision.outcome !== 'refuse' && checklist.length ? { documents: checklistBody(checklist) } : {}),
    };
    const refused = (err: unknown) => {
      fieldErrors.set(placeErrors(err, placeable).fields, true);
      throw err;
    };
    const dossier = await action.run(() => api<Dossier>('/dossiers', { body: { json: body } }).catch(refused));
    if (dossier) props.onDone(dossier);
  };
  const failure = action.error ? placeErrors(action.error, placeable) : null;
  // Once every message sits by its field (and in the summary), the server's sentence adds nothing.
  const rest = failure && Object.keys(failure.fields).length > 0 && !hasErrors(failure.rest) ? null : failure?.rest;
  const shownErrors: FieldErrors = { ...fieldErrors.errors, ...competence.errors };
  // An edited field loses its message at once; the others stay until the next submit.
  const edit =
    <T extends object>(prefix: string, value: T, set: (next: T) => void, rename: Record<string, string> = {}) =>
    (next: T) => {
      fieldErrors.clear(changedPointers(prefix, value, next).map((p) => rename[p] ?? p));
      set(next);
    };
  const ready = !!procedure.data && !procedure.loading;
  return (
    <form class="panel receipt-form" onSubmit={submit} noValidate data-testid="receipt-form">
      <h2>{t('counterTitle')}</h2>
      <ErrorSummary
        errors={shownErrors}
        attempt={fieldErrors.attempt}
        title={(n) => t(n === 1 ? 'receiptErrorsOne' : 'receiptErrors', { n })}
      />
      <ProcedurePicker procedures={props.procedures} value={code} onChange={choose} />
      {code && procedure.loading && <Spinner label={t('loadingProcedure')} />}
      <ErrorBox error={procedure.error} />
      {ready && !procedure.data!.version && <p class="error-box">{t('noVersion')}</p>}
      {ready && (
        <>
          <RequiredDocuments documents={procedure.data!.documents} value={checklist} onChange={setChecklist} />
          {competence.applies && (
            <CompetenceFields
              desk={props.desk}
              procedure={procedure.data!}
              value={competence.value}
              errors={shownErrors}
              onChange={edit('', competence.value, competence.setValue, { '/unitCode': '/competentUnitCode' })}
            />
          )}
          <div class="receipt-grid">
            <ApplicantFields
              values={applicant}
              errors={shownErrors}
              onChange={edit('/applicant', applicant, setApplicant)}
            />
            {schema && (
              <fieldset>
                <legend>{t('formTitle')}</legend>
                <SchemaForm
                  schema={schema}
                  values={values}
                  errors={shownErrors}
                  onChange={edit('/data', values, setValues)}
                />
              </fieldset>
            )}
          </div>
          <DecisionFields
            name="counter"
            decision={decision}
            errors={shownErrors}
            onChange={edit('', decision, setDecision)}
          />
          <ErrorBox error={rest} />
          <button type="submit" class="primary" disabled={action.busy}>
            {action.busy ? t('submitting') : t('submitReceipt')}
          </button>
        </>
      )}
    </form>
  );
}

function hasErrors(err: unknown): boolean {
  return !(err instanceof ApiError) || err.errors.length > 0;
}
