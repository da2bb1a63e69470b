import { useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { replayHref } from './audit-api';
import { t } from './messages';

/** Type a dossier code (from a receipt, a complaint) and open its replay directly. */
export function CodeBox() {
  const [code, setCode] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    if (code.trim()) navigate(replayHref(code.trim()));
  };
  return (
    <form class="code-box" onSubmit={submit}>
      <label>
        {t('codeBox')}
        <span class="inline">
          <input
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            placeholder={t('codePlaceholder')}
            data-testid="code-box"
          />
          <button type="submit">{t('open')}</button>
        </span>
      </label>
    </form>
  );
}
