import { useEffect, useState } from 'preact/hooks';
import { api } from '../app/api';
import { hasRole } from '../app/session';
import { changedPointers } from '../app/forms/field-edits';
import type { FieldErrors } from '../app/forms/field-error';
import { useFieldErrors } from '../app/forms/use-field-errors';
import { toData, type FormValues } from '../app/forms/form-values';
import type { User } from '../app/session';
import { checkDocuments } from './document-checks';
import { changedDocuments, type ChosenFiles } from './document-inputs';
import { validateDossier } from './dossier-validation';
import { t } from './messages';
import { placeServerErrors } from './server-errors';
import { submitDossier, type FilePart } from './submit-dossier';
import type { Applicant, Procedure, SubmittedDossier } from './types';

/** What VNeID said about the citizen at their last sign-in (GET /api/portal/my-identity). */
export interface IdentityProfile {
  fullName: string | null;
  idNumber: string;
  birthDate: string | null;
  address: string | null;
}

/** The online form's state, its checks in the browser, then the upload with its progress and the server's answer. */
export function useOnlineDossier(
  procedure: Procedure,
  user: User | null,
  onSubmitted: (dossier: SubmittedDossier) => void,
) {
  const [values, setValues] = useState<FormValues>({});
  const [applicant, setApplicant] = useState<Applicant>({ fullName: user?.fullName ?? '', idNumber: '' });
  const [level, setLevel] = useState(procedure.levels[0] ?? 'xa');
  const [unitCode, setUnitCode] = useState('');
  const [files, setFiles] = useState<ChosenFiles>({ documents: procedure.documents.map(() => []), extras: [] });
  const fieldErrors = useFieldErrors();
  const [failure, setFailure] = useState<unknown>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [identity, setIdentity] = useState<IdentityProfile | null>(null);

  // Signed in with VNeID: the applicant is prefilled from the identity (the citizen may still change it).
  useEffect(() => {
    if (!hasRole(user, 'citizen')) return;
    api<IdentityProfile | null>('/portal/my-identity').then(
      (profile) => {
        if (!profile) return;
        setIdentity(profile);
        setApplicant((a) => ({
          ...a,
          fullName: profile.fullName ?? a.fullName,
          idNumber: a.idNumber || profile.idNumber,
        }));
      },
      () => undefined,
    );
  }, [user?.id]);

  const submit = async () => {
    setFailure(null);
    const data = toData(procedure.formSchema, values);
    const person = withoutBlanks(applicant);
    const checked = await validateDossier(procedure.code, person, data).catch((err: unknown) => {
      setFailure(err);
      return null;
    });
    if (!checked) return;
    const found: FieldErrors = { ...checked, ...(await checkDocuments(procedure.documents, files)) };
    if (!unitCode) found['/unitCode'] = t('unitMissing');
    fieldErrors.set(found);
    if (Object.keys(found).length > 0) return;
    setProgress(0);
    try {
      const dossier = await submitDossier(
        { procedureCode: procedure.code, unitCode, applicant: person, data },
        fileParts(procedure, files),
        setProgress,
      );
      onSubmitted(dossier);
    } catch (err) {
      const placed = placeServerErrors(err, procedure.documents, files);
      fieldErrors.set(placed.fields);
      setFailure(placed.rest);
    } finally {
      setProgress(null);
    }
  };

  // An edited field loses its message at once; the others stay until the next submit.
  const clear = fieldErrors.clear;
  return {
    values,
    setValues: (next: FormValues) => (clear(changedPointers('/data', values, next)), setValues(next)),
    applicant,
    identity,
    setApplicant: (next: Applicant) => (clear(changedPointers('/applicant', applicant, next)), setApplicant(next)),
    level,
    setLevel,
    unitCode,
    setUnitCode: (next: string) => (clear(next === unitCode ? [] : ['/unitCode']), setUnitCode(next)),
    files,
    setFiles: (next: ChosenFiles) => (clear(changedDocuments(files, next)), setFiles(next)),
    errors: fieldErrors.errors,
    attempt: fieldErrors.attempt,
    failure,
    progress,
    submit,
  };
}

/** Optional answers left empty are not sent (an empty e-mail is no e-mail, not a malformed one). */
function withoutBlanks(applicant: Applicant): Applicant {
  const out: Applicant = { fullName: applicant.fullName.trim(), idNumber: applicant.idNumber.trim() };
  if (applicant.phone?.trim()) out.phone = applicant.phone.trim();
  if (applicant.email?.trim()) out.email = applicant.email.trim();
  return out;
}

function fileParts(procedure: Procedure, files: ChosenFiles): FilePart[] {
  const parts = procedure.documents.flatMap((d, i) =>
    (files.documents[i] ?? []).map((file) => ({ document: d.name, file })),
  );
  return [...parts, ...files.extras.map((file) => ({ document: t('extraFiles'), file }))];
}
