import { FormButton } from '../casework/form-button';
import { t } from '../casework/messages';
import type { FormKind } from '../casework/pdf';

/** The dossier's forms as PDF, each opened with the session's token in a new tab (or downloaded). */
export function FormsList({ code, kinds }: { code: string; kinds: FormKind[] }) {
  return (
    <section class="panel forms-list" data-testid="forms">
      <h2>{t('formsTitle')}</h2>
      {kinds.length === 0 && <p class="muted">{t('noForms')}</p>}
      <ul>
        {kinds.map((kind) => (
          <li key={kind}>
            <FormButton code={code} kind={kind} label={t(`form_${kind}`)} mode="open" />
          </li>
        ))}
      </ul>
    </section>
  );
}
