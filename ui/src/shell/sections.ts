import { hasRole, type Role, type User } from '../app/session';
import { t } from './messages';

export interface Section {
  href: string;
  /** Who sees it; absent: everyone, logged in or not. */
  roles?: Role[];
  title: () => string;
  text: () => string;
}

/** The parts of the app and who may open them (the server's policy decides what each may actually do). */
export function sections(): Section[] {
  return [
    { href: '/hop-viec', roles: ['officer', 'leader'], title: () => t('inboxTitle'), text: () => t('inboxText') },
    { href: '/tiep-nhan', roles: ['officer'], title: () => t('receiptTitle'), text: () => t('receiptText') },
    {
      href: '/so-do',
      roles: ['modeler', 'publisher', 'admin'],
      title: () => t('editorTitle'),
      text: () => t('editorText'),
    },
    { href: '/cong-bo', roles: ['publisher', 'admin'], title: () => t('deskTitle'), text: () => t('deskText') },
    { href: '/kiem-tra', roles: ['auditor', 'admin'], title: () => t('replayTitle'), text: () => t('replayText') },
    {
      href: '/bao-cao',
      roles: ['leader', 'publisher', 'auditor', 'admin'],
      title: () => t('reportTitle'),
      text: () => t('reportText'),
    },
    {
      href: '/so-theo-doi',
      roles: ['officer', 'leader', 'auditor', 'publisher', 'admin'],
      title: () => t('registerTitle'),
      text: () => t('registerText'),
    },
    {
      href: '/tim-ho-so',
      roles: ['officer', 'leader', 'auditor', 'publisher', 'admin'],
      title: () => t('searchTitle'),
      text: () => t('searchText'),
    },
    { href: '/thu-tuc', title: () => t('portalTitle'), text: () => t('portalText') },
    { href: '/tra-cuu', title: () => t('trackTitle'), text: () => t('trackText') },
    { href: '/ho-so-cua-toi', roles: ['citizen'], title: () => t('myDossiersTitle'), text: () => t('myDossiersText') },
  ];
}

/** The sections offered to a user: their role's work, and the public portal to visitors and citizens. */
export function sectionsFor(user: User | null): Section[] {
  return sections().filter((s) => (s.roles ? hasRole(user, ...s.roles) : !user || hasRole(user, 'citizen')));
}
