import { useEffect, useState } from 'preact/hooks';
import { api } from '../app/api';
import { hasRole, saveSession, type User } from '../app/session';
import { t } from './messages';

const NEXT_KEY = 'motcua.signInNext';

/** Where the user goes once signed in: back where they were sent from, else an officer's inbox, else the home page. */
export function landingOf(user: User, next: string | null): string {
  if (next?.startsWith('/') && !next.startsWith('//')) return next;
  return hasRole(user, 'officer', 'leader') ? '/hop-viec' : '/';
}

/**
 * The sign-in buttons of the configured identity providers (VNeID for citizens, the city's single sign-on for
 * officers): the browser goes to the provider and comes back to this page with a one-time handoff.
 */
export function IdentityButtons({ providers, next }: { providers: readonly string[]; next: string | null }) {
  if (!providers.length) return null;
  const go = (provider: string) => {
    if (next) sessionStorage.setItem(NEXT_KEY, next);
    location.assign(`/api/auth/oidc/${provider}/start`);
  };
  return (
    <div class="identity-sign-in" data-testid="identity-sign-in">
      {providers.map((p) => (
        <button key={p} type="button" class={p === 'citizen' ? 'primary' : ''} onClick={() => go(p)}>
          {t(p === 'citizen' ? 'signInVneid' : 'signInCity')}
        </button>
      ))}
      <p class="muted small">{t('orPassword')}</p>
    </div>
  );
}

/**
 * Back from a provider: `#handoff=…` is exchanged for a session, `#error=<code>` says why the sign-in was refused.
 * The fragment never reached a server, and is cleared from the address at once.
 */
export function useIdentityReturn(onLogin: (user: User) => void, navigate: (to: string) => void): string | null {
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const handoff = fragment.get('handoff');
    const error = fragment.get('error');
    if (!handoff && !error) return;
    history.replaceState(null, '', location.pathname + location.search);
    if (error) {
      setRefusal(refusalMessage(error));
      return;
    }
    api<{ token: string; expiresAt: string; user: User }>('/auth/oidc/session', { body: { json: { handoff } } }).then(
      (answer) => {
        saveSession(answer);
        onLogin(answer.user);
        const next = sessionStorage.getItem(NEXT_KEY);
        sessionStorage.removeItem(NEXT_KEY);
        navigate(landingOf(answer.user, next));
      },
      () => setRefusal(refusalMessage('oidc-state')),
    );
  }, []);
  return refusal;
}

function refusalMessage(code: string): string {
  const known = ['oidc-state', 'oidc-refused', 'oidc-no-account', 'oidc-claim-missing', 'account-disabled'];
  return t(known.includes(code) ? (`refused_${code}` as 'refused_oidc-state') : 'refused_oidc-refused');
}
