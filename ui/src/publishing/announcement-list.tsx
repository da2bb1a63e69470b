import { ErrorBox, Spinner, type Loaded } from '../app/ui';
import { AnnouncementCard } from './announcement-card';
import { t } from './messages';
import type { Announcement, SubmittedVersion } from './types';

interface Props {
  loaded: Loaded<Announcement[]>;
  procedureNames: Map<string, string>;
  submitted: SubmittedVersion[];
  onChanged: () => void;
}

/** Every announcement, the latest first, with what remains to be done by its deadline. */
export function AnnouncementList({ loaded, procedureNames, submitted, onChanged }: Props) {
  if (!loaded.data) return loaded.error ? <ErrorBox error={loaded.error} /> : <Spinner label={t('loading')} />;
  if (loaded.data.length === 0) return <p class="muted">{t('noAnnouncements')}</p>;
  return (
    <div class="announcements" data-testid="announcements">
      <ErrorBox error={loaded.error} />
      {loaded.data.map((a) => (
        <AnnouncementCard
          key={a.id}
          announcement={a}
          procedureNames={procedureNames}
          submitted={submitted}
          onChanged={onChanged}
        />
      ))}
    </div>
  );
}
