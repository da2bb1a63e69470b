import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { navigate } from '../app/router';
import { saveSession, type User } from '../app/session';
import { ErrorBox, useLoad } from '../app/ui';
import { IdentityButtons, useIdentityReturn } from './identity-sign-in';
import { t } from './messages';

interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: User;
}

export default function LoginPage({ onLogin }: { onLogin: (user: User) => void }) {
  const options = useLoad(
    () => api<{ demo: boolean; identityProviders: string[]; citizenPasswords: boolean }>('/auth/options'),
    [],
  );
  const next = new URLSearchParams(location.search).get('next');
  const refusal = useIdentityReturn(onLogin, navigate);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const answer = await api<LoginAnswer>('/auth/login', {
        body: { json: { username: form.get('username'), password: form.get('password') } },
      });
      saveSession(answer);
      onLogin(answer.user);
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="login panel" onSubmit={submit}>
      <h1>{t('login')}</h1>
      {options.data?.demo && (
        <p class="demo-warning" role="alert">
          {t('demoDatabase')}
        </p>
      )}
      {refusal && (
        <p class="error-box" role="alert" data-testid="sign-in-refused">
          {refusal}
        </p>
      )}
      <IdentityButtons providers={options.data?.identityProviders ?? []} next={next} />
      <label>
        {t('username')}
        <input name="username" autocomplete="username" required autofocus />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      <ErrorBox error={error} />
      <button type="submit" class="primary" disabled={busy}>
        {busy ? t('loggingIn') : t('login')}
      </button>
    </form>
  );
}
