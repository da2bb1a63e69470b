import { formatDate } from '../app/format';
import { Link } from '../app/ui';
import { AbolishButton } from './abolish-button';
import { ChangeStateBadge, Countdown } from './countdown';
import { t } from './messages';
import { NEEDS_DIAGRAM, type Announcement, type AnnouncementChange, type SubmittedVersion } from './types';

interface Props {
  announcement: Announcement;
  change: AnnouncementChange;
  procedureName: string | undefined;
  /** The version of this procedure awaiting review, if any. */
  submitted: SubmittedVersion | undefined;
  onChanged: () => void;
}

/** One procedure an announcement adds, amends, replaces or abolishes: its state, countdown and what is left to do. */
export function ChangeRow({ announcement, change, procedureName, submitted, onChanged }: Props) {
  return (
    <tr class={`change change-${change.state}`} data-testid={`change-${change.id}`}>
      <td>
        <strong>{change.procedureCode}</strong>
        {procedureName && <div class="muted small">{procedureName}</div>}
      </td>
      <td>
        {t(`kind_${change.kind}`)}
        {change.replacesCode && <div class="muted small">{t('replaces', { code: change.replacesCode })}</div>}
        {change.effectiveFrom && (
          <div class="muted small">
            {t('effectiveFrom')} {formatDate(change.effectiveFrom)}
          </div>
        )}
      </td>
      <td>
        <ChangeStateBadge change={change} />
      </td>
      <td>
        <Countdown change={change} />
      </td>
      <td>{nextStep({ announcement, change, submitted, onChanged })}</td>
    </tr>
  );
}

function nextStep({ announcement, change, submitted, onChanged }: Omit<Props, 'procedureName'>) {
  if (change.versionNumber !== null) return t('versionN', { n: change.versionNumber });
  if (change.doneAt) return change.kind === 'abolish' ? t('abolished') : null;
  if (change.kind === 'abolish')
    return <AbolishButton announcement={announcement} change={change} onDone={onChanged} />;
  if (NEEDS_DIAGRAM.includes(change.kind) && submitted) {
    return (
      <Link href={`/cong-bo/${encodeURIComponent(change.procedureCode)}/${submitted.number}`}>
        {t('reviewVersion', { n: submitted.number })}
      </Link>
    );
  }
  return <span class="muted small">{t('waitingVersion')}</span>;
}
