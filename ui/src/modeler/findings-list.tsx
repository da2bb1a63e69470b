import type { Finding } from '../app/api';
import { currentLang } from '../i18n';
import { t } from './messages';

interface Props {
  /** The live check of the diagram being edited; null for a read-only version. */
  live: Finding[] | null;
  /** What the server found when the version was last stored, or why it refused to submit. */
  server: Finding[];
  describe: (elementId: string | null) => string | null;
  onPick: (elementId: string | null) => void;
}

/** The findings beside the diagram; a click selects the element they are about. */
export function FindingsList({ live, server, describe, onPick }: Props) {
  return (
    <div class="editor-findings" data-testid="findings">
      {live && (
        <Section title={t('liveFindings')} findings={live} testId="findings-live" describe={describe} onPick={onPick} />
      )}
      <Section
        title={t('serverFindings')}
        findings={server}
        testId="findings-server"
        describe={describe}
        onPick={onPick}
        server
      />
    </div>
  );
}

function Section(
  props: { title: string; findings: Finding[]; testId: string; server?: boolean } & Pick<Props, 'describe' | 'onPick'>,
) {
  return (
    <section data-testid={props.testId}>
      <h3>
        {props.title} <span class="muted">({props.findings.length})</span>
      </h3>
      {props.findings.length === 0 ? (
        <p class="muted">{t('noFindings')}</p>
      ) : (
        <ul>
          {props.findings.map((f, i) => (
            <li key={`${f.rule}-${f.elementId}-${i}`}>
              <button
                type="button"
                class={`finding finding-${f.severity}`}
                data-rule={f.rule}
                data-element-id={f.elementId ?? ''}
                onClick={() => props.onPick(f.elementId)}
              >
                <span class={`badge ${f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : ''}`}>
                  {t(`severity_${f.severity}`)}
                </span>
                {props.server && <span class="badge">{t('serverLabel')}</span>}
                <span class="finding-message">{currentLang() === 'en' && f.messageEn ? f.messageEn : f.message}</span>
                <span class="muted finding-element">{describe(props, f.elementId)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describe(props: Pick<Props, 'describe'>, id: string | null): string {
  return props.describe(id) ?? t('wholeProcess');
}
