import type { ComponentChildren } from 'preact';
import { currentLang, setLang } from '../i18n';
import { navigate } from '../app/router';
import { clearSession, type User } from '../app/session';
import { Link } from '../app/ui';
import { t } from './messages';
import { sectionsFor } from './sections';

/** The frame of every page: the app's name, the sections the user may open, language, the account. */
export function Layout({ user, children }: { user: User | null; children: ComponentChildren }) {
  const logout = () => {
    clearSession();
    navigate('/dang-nhap');
  };
  return (
    <div class="layout">
      <header class="topbar">
        <Link href="/" class="brand">
          <strong>{t('appName')}</strong> <span>{t('appTagline')}</span>
        </Link>
        <nav>
          {sectionsFor(user).map((s) => (
            <Link key={s.href} href={s.href}>
              {s.title()}
            </Link>
          ))}
        </nav>
        <div class="account">
          <button
            type="button"
            class="lang"
            data-testid="lang-toggle"
            onClick={() => setLang(currentLang() === 'vi' ? 'en' : 'vi')}
          >
            {currentLang() === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
          {user ? (
            <>
              <span class="user" title={user.roles.map((r) => t(`role_${r}`)).join(', ')}>
                {user.fullName}
              </span>
              <button type="button" onClick={logout}>
                {t('logout')}
              </button>
            </>
          ) : (
            <Link href="/dang-nhap">{t('login')}</Link>
          )}
        </div>
      </header>
      <main class="page">{children}</main>
    </div>
  );
}
