import { useState } from 'preact/hooks';
import { hasRole, type User } from '../app/session';
import { mayHandle } from '../casework/may-handle';
import { t } from '../casework/messages';
import { ActionForm, type DossierAction } from './action-form';
import { OnlineDecision } from '../casework/online-decision';
import type { Dossier } from '../casework/types';

/** The actions the user may take on the dossier now: pause, resume, withdraw, apologise, return the result. */
export function DossierActions({
  dossier,
  user,
  onChanged,
}: {
  dossier: Dossier;
  user: User | null;
  onChanged: () => void;
}) {
  const [chosen, setChosen] = useState<DossierAction | null>(null);
  // The server's rules say what is open now, and why the rest is not.
  // The apology and request for extension is the leader's to sign (the route's action, `dossiers:extend`).
  const actions = dossier.actions
    .filter((a) => a.allowed && (a.action !== 'apology' || hasRole(user, 'leader')))
    .map((a) => a.action);
  const closed = dossier.actions.filter((a) => !a.allowed);
  if (!mayHandle(user, dossier)) return null;
  // Submitted online: the desk's officers decide on receipt here as on the desk page.
  if (dossier.statusCode === 1 && hasRole(user, 'officer')) {
    return (
      <section class="panel dossier-actions" data-testid="dossier-actions">
        <OnlineDecision code={dossier.code} onDone={onChanged} showDossier={false} />
      </section>
    );
  }
  if (actions.length === 0 && closed.length === 0) return null;
  const done = () => {
    setChosen(null);
    onChanged();
  };
  return (
    <section class="panel dossier-actions" data-testid="dossier-actions">
      <h2>{t('actionsTitle')}</h2>
      {actions.length === 0 && <p class="muted">{t('actionsNone')}</p>}
      <div class="toolbar">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            class={chosen === a ? 'primary' : ''}
            aria-pressed={chosen === a}
            onClick={() => setChosen(chosen === a ? null : a)}
          >
            {t(`action_${a}`)}
          </button>
        ))}
      </div>
      {chosen && <ActionForm key={chosen} action={chosen} code={dossier.code} onDone={done} />}
      {closed.length > 0 && (
        <details class="closed-actions" data-testid="closed-actions" open={actions.length === 0}>
          <summary class="muted small">{t('actionsClosed')}</summary>
          <ul class="small">
            {closed.map((a) => (
              <li key={a.action}>
                {t(`action_${a.action}`)}: {a.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
