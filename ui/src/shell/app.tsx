import { useEffect, useState } from 'preact/hooks';
import { onLangChange } from '../i18n';
import { match, usePath } from '../app/router';
import { currentSession, hasRole, type User } from '../app/session';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import HomePage from './home-page';
import { Layout } from './layout';
import LoginPage from './login-page';
import { t } from './messages';
import { ROUTES, type Route } from './routes';

export function App() {
  const path = usePath();
  const [user, setUser] = useState<User | null>(() => currentSession()?.user ?? null);
  const [, setLang] = useState('');
  useEffect(() => onLangChange(setLang), []);
  useEffect(() => {
    if (user && !currentSession()) setUser(null);
  }, [path]);
  return <Layout user={user}>{page(path, user, setUser)}</Layout>;
}

function page(path: string, user: User | null, setUser: (user: User) => void) {
  if (path === '/') return <HomePage user={user} />;
  if (path === '/dang-nhap') return <LoginPage onLogin={setUser} />;
  for (const route of ROUTES) {
    const params = match(route.path, path);
    if (!params) continue;
    if (route.roles && !user) {
      return (
        <p class="notice">
          {t('needLogin')} <Link href={`/dang-nhap?next=${encodeURIComponent(path)}`}>{t('login')}</Link>
        </p>
      );
    }
    if (route.roles && !hasRole(user, ...route.roles)) return <p class="notice">{t('notAllowed')}</p>;
    return <LazyPage key={route.path} route={route} user={user} params={params} />;
  }
  return <p class="notice">{t('notFound')}</p>;
}

function LazyPage({ route, user, params }: { route: Route; user: User | null; params: Record<string, string> }) {
  const loaded = useLoad(route.load, [route]);
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!loaded.data) return <Spinner label={t('loading')} />;
  const Page = loaded.data.default;
  return <Page user={user} params={params} />;
}
