import type { ComponentChildren } from 'preact';
import { formatDateTime } from './format';
import { t } from './messages';

/** A dossier's end as rows of a `<dl>`: when it was processed (`badge` after the date), when its result was returned. */
export function EndDates({
  finishedAt,
  returnedAt,
  badge,
}: {
  finishedAt: string | null;
  returnedAt: string | null;
  badge?: ComponentChildren;
}) {
  return (
    <>
      {finishedAt && (
        <>
          <dt>{t('finishedAt')}</dt>
          <dd>
            {formatDateTime(finishedAt)} {badge}
          </dd>
        </>
      )}
      {returnedAt && (
        <>
          <dt>{t('returnedAt')}</dt>
          <dd>{formatDateTime(returnedAt)}</dd>
        </>
      )}
    </>
  );
}
