import type { User } from '../app/session';
import { Link } from '../app/ui';
import { t } from './messages';
import { sectionsFor } from './sections';

/** What each role can do, as cards leading to it. */
export default function HomePage({ user }: { user: User | null }) {
  const mine = sectionsFor(user);
  return (
    <section class="home">
      <h1>{user ? t('welcome', { name: user.fullName }) : t('appTagline')}</h1>
      {user && (
        <p class="muted">
          {t('roles')}: {user.roles.map((r) => t(`role_${r}`)).join(', ')}
        </p>
      )}
      <h2>{t('whatYouCanDo')}</h2>
      <div class="cards">
        {mine.map((s) => (
          <Link key={s.href} href={s.href} class="card">
            <h3>{s.title()}</h3>
            <p>{s.text()}</p>
          </Link>
        ))}
        <a class="card" href="/docs">
          <h3>{t('apiTitle')}</h3>
          <p>{t('apiText')}</p>
        </a>
        {!user && (
          <Link href="/dang-nhap" class="card">
            <h3>{t('login')}</h3>
          </Link>
        )}
      </div>
    </section>
  );
}
