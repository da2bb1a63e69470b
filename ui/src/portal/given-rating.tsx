import { t } from './messages';

/** The stars the applicant gave, and their comment. */
export function GivenRating({ score, comment }: { score: number; comment?: string | null | undefined }) {
  return (
    <p class="rating-given">
      {t('yourRating')}:{' '}
      <span class="stars" role="img" aria-label={t('starsOf', { n: score })}>
        {'★'.repeat(score) + '☆'.repeat(5 - score)}
      </span>
      {comment && <> — {comment}</>}
    </p>
  );
}
