import { useState } from 'preact/hooks';
import { ApiError } from '../app/api';
import { ErrorBox } from '../app/ui';
import { t } from './messages';
import { rateDossier } from './portal-api';
import { GivenRating } from './given-rating';

/** 1–5 stars and a comment, once per dossier. */
export function RatingForm({ code }: { code: string }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (score < 1) return setError(new Error(t('chooseStars')));
    setBusy(true);
    setError(null);
    try {
      await rateDossier(code, score, comment);
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? new Error(t('alreadyRated')) : err);
    } finally {
      setBusy(false);
    }
  };
  if (done) {
    return (
      <div role="status">
        <p class="flash">{t('thanksRating')}</p>
        <GivenRating score={score} comment={comment.trim()} />
      </div>
    );
  }
  return (
    <form class="rating-form" onSubmit={submit}>
      <h3>{t('rateTitle')}</h3>
      <div class="stars-input" role="radiogroup" aria-label={t('rateTitle')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={score === n}
            aria-label={t('starsOf', { n })}
            class={n <= score ? 'star on' : 'star'}
            onClick={() => setScore(n)}
          >
            ★
          </button>
        ))}
      </div>
      <label>
        {t('comment')}
        <textarea
          rows={2}
          maxLength={1000}
          value={comment}
          onInput={(e) => setComment((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <ErrorBox error={error} />
      <button type="submit" class="primary" disabled={busy}>
        {t('sendRating')}
      </button>
    </form>
  );
}
