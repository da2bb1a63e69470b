import { NEEDS_DIAGRAM, type Announcement, type AnnouncementChange } from './types';

export interface PendingChange {
  announcement: Announcement;
  change: AnnouncementChange;
}

/** The changes still waiting for a diagram of this procedure: what a publication can carry out. */
export function pendingChangesFor(announcements: Announcement[], code: string): PendingChange[] {
  return announcements.flatMap((announcement) =>
    announcement.changes
      .filter((c) => c.procedureCode === code && !c.doneAt && NEEDS_DIAGRAM.includes(c.kind))
      .map((change) => ({ announcement, change })),
  );
}
