import type { User } from '../app/session';
import { Link } from '../app/ui';
import { t } from './messages';
import type { Procedure } from './types';

/** "Nộp trực tuyến" for a procedure offered online; a visitor goes through the login page and comes back to the form. */
export function SubmitOnlineButton({ procedure, user }: { procedure: Procedure; user: User | null }) {
  if (!procedure.onlineLevel) return <span class="muted">{t('notOnline')}</span>;
  if (procedure.status === 'abolished' || !procedure.version) return <span class="muted">{t('notAccepting')}</span>;
  const form = `/nop-truc-tuyen/${encodeURIComponent(procedure.code)}`;
  const isStaff = user && !user.roles.includes('citizen');
  return (
    <span class="submit-online">
      <Link href={user ? form : `/dang-nhap?next=${encodeURIComponent(form)}`} class="button primary">
        {t('submitOnline')}
      </Link>
      {!user && <small class="muted">{t('loginToSubmit')}</small>}
      {isStaff && <small class="muted">{t('citizensOnly')}</small>}
    </span>
  );
}
