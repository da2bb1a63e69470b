import { hasRole, type User } from '../app/session';
import { useLoad } from '../app/ui';
import { GivenRating } from './given-rating';
import { t } from './messages';
import { myDossiers } from './portal-api';
import { RatingForm } from './rating-form';
import type { TrackedDossier } from './types';

/** After the result: the applicant's rating if given, or the form to give it (only to the citizen who submitted it). */
export function RatingSection({ dossier, user }: { dossier: TrackedDossier; user: User | null }) {
  const citizen = hasRole(user, 'citizen');
  const mine = useLoad(
    async () => (citizen ? (await myDossiers()).some((d) => d.code === dossier.code) : false),
    [dossier.code, citizen],
  );
  if (dossier.rating) return <GivenRating score={dossier.rating.score} comment={dossier.rating.comment} />;
  if (!citizen) return <p class="muted">{t('loginToRate')}</p>;
  if (!mine.data) return null;
  return <RatingForm code={dossier.code} />;
}
