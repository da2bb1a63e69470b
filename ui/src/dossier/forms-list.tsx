import { api } from '../app/api';
import { useLoad } from '../app/ui';
import { FormButton } from '../casework/form-button';
import { t } from '../casework/messages';
import type { IssuedForm } from '../app/api-types';
import { currentLang } from '../i18n';

/**
 * The dossier's forms as PDF, each opened with the session's token in a new tab (or downloaded); read again whenever
 * the dossier changes (`version`).
 */
export function FormsList({ code, version }: { code: string; version: number }) {
  const forms = useLoad(() => api<IssuedForm[]>(`/dossiers/${encodeURIComponent(code)}/forms`), [code, version]);
  const list = forms.data ?? [];
  return (
    <section class="panel forms-list" data-testid="forms">
      <h2>{t('formsTitle')}</h2>
      {forms.data && list.length === 0 && <p class="muted">{t('noForms')}</p>}
      <ul>
        {list.map((form) => (
          <li key={form.kind} title={form.basis}>
            <FormButton code={code} kind={form.kind} label={labelOf(form)} mode="open" />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The official title (in Vietnamese in both languages: it is the form's name), with its number and, in English, what it is. */
function labelOf(form: IssuedForm): string {
  const official = form.number ? `${form.number}: ${form.title}` : form.title;
  return currentLang() === 'vi' ? official : `${t(`form_${form.kind}`)} — ${official}`;
}
