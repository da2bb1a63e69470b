import type { Finding } from '../app/api';
import { currentLang } from '../i18n';
import { t } from './messages';

const BADGES = { error: 'badge bad', warning: 'badge warn', info: 'badge' } as const;

/** What the server's check found in the diagram (errors block publication). */
export function VersionFindings({ findings }: { findings: Finding[] }) {
  return (
    <section class="panel" data-testid="findings">
      <h2>{t('findings')}</h2>
      {findings.length === 0 ? (
        <p class="muted">{t('noFindings')}</p>
      ) : (
        <ul class="findings">
          {findings.map((f, i) => (
            <li key={i}>
              <span class={BADGES[f.severity]}>{t(`severity_${f.severity}`)}</span>{' '}
              {currentLang() === 'en' && f.messageEn ? f.messageEn : f.message}
              {f.elementId && <span class="muted small"> ({f.elementId})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
