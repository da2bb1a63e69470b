import { Fragment } from 'preact';
import { api } from '../app/api';
import { formatDate } from '../app/format';
import type { FieldSchema, FormSchema } from '../app/forms/form-schema';
import { ErrorBox, useLoad } from '../app/ui';
import { t } from './messages';
import type { Dossier, Procedure } from './types';

/** A value of the form as people read it: dates dd/mm/yyyy, lists joined, yes or no. */
function shown(value: unknown, field: FieldSchema | undefined): string {
  if (Array.isArray(value)) return value.map((v) => shown(v, field?.items)).join(', ');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  if (typeof value === 'string' && (field?.format === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(value)))
    return formatDate(value);
  return String(value ?? '');
}

/** The lines of the declaration, in the order of the procedure's form, titled as the form titles them. */
export function declarationLines(data: Record<string, unknown>, schema: FormSchema | null): [string, string][] {
  const properties = schema?.properties ?? {};
  const keys = [
    ...Object.keys(properties).filter((k) => k in data),
    ...Object.keys(data).filter((k) => !(k in properties)),
  ];
  return keys
    .filter((k) => data[k] !== '' && data[k] !== null && data[k] !== undefined)
    .map((k) => [properties[k]?.title ?? k, shown(data[k], properties[k])]);
}

/** The applicant and their declaration (tờ khai), for the officer appraising and the leader signing. */
export function Declaration({ dossier }: { dossier: Pick<Dossier, 'applicant' | 'data' | 'procedureCode'> }) {
  const procedure = useLoad(
    () => api<Procedure>(`/procedures/${encodeURIComponent(dossier.procedureCode)}`),
    [dossier.procedureCode],
  );
  const { applicant } = dossier;
  const lines: [string, string][] = [
    [t('applicantName'), applicant.fullName],
    [t('applicantId'), applicant.idNumber],
    ...(applicant.phone ? [[t('applicantPhone'), applicant.phone] as [string, string]] : []),
    // The form's titles come with the procedure: its answers wait for them rather than show field names.
    ...(procedure.data || procedure.error ? declarationLines(dossier.data, procedure.data?.formSchema ?? null) : []),
  ];
  return (
    <section class="panel declaration" data-testid="declaration">
      <h2>{t('declarationTitle')}</h2>
      <ErrorBox error={procedure.error} />
      <dl class="facts">
        {lines.map(([label, value], i) => (
          <Fragment key={i}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

/** The declaration of a dossier known by its code (the inbox shows it beside the completion form). */
export function DossierDeclaration({ code }: { code: string }) {
  const dossier = useLoad(() => api<Dossier>(`/dossiers/${encodeURIComponent(code)}`), [code]);
  if (dossier.error) return <ErrorBox error={dossier.error} />;
  return dossier.data ? <Declaration dossier={dossier.data} /> : null;
}
