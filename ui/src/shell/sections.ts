import type { Role } from '../app/session';
import { t } from './messages';

export interface Section {
  href: string;
  roles: Role[];
  title: () => string;
  text: () => string;
}

/** The parts of the app and who may open them (the server's policy decides what each may actually do). */
export function sections(): Section[] {
  return [
    { href: '/so-do', roles: ['modeler', 'publisher', 'admin'], title: () => t('editorTitle'), text: () => t('editorText') },
    { href: '/cong-bo', roles: ['publisher', 'admin'], title: () => t('deskTitle'), text: () => t('deskText') },
    { href: '/kiem-tra', roles: ['auditor', 'admin'], title: () => t('replayTitle'), text: () => t('replayText') },
  ];
}
