import type { FunctionComponent } from 'preact';
import type { Role, User } from '../app/session';

export interface PageProps {
  user: User | null;
  params: Record<string, string>;
}

export interface Route {
  path: string;
  /** Who may open it; absent: everyone, logged in or not. */
  roles?: Role[];
  /** Loaded on first visit, so a citizen's page never downloads the modeler. */
  load: () => Promise<{ default: FunctionComponent<PageProps> }>;
}

const STAFF: Role[] = ['officer', 'leader'];
const CITIZENS: Role[] = ['citizen'];
const READERS: Role[] = ['officer', 'leader', 'auditor', 'publisher', 'admin'];
const REPORT_READERS: Role[] = ['leader', 'publisher', 'auditor', 'admin'];
const MODELERS: Role[] = ['modeler', 'publisher', 'admin'];
const PUBLISHERS: Role[] = ['publisher', 'admin'];
const AUDITORS: Role[] = ['auditor', 'admin'];

export const ROUTES: Route[] = [
  { path: '/thu-tuc', load: () => import('../portal/procedures-page') },
  { path: '/thu-tuc/:code', load: () => import('../portal/procedure-page') },
  { path: '/nop-truc-tuyen/:code', roles: CITIZENS, load: () => import('../portal/submit-page') },
  { path: '/tra-cuu', load: () => import('../portal/track-page') },
  { path: '/tra-cuu/:code', load: () => import('../portal/track-page') },
  { path: '/ho-so-cua-toi', roles: CITIZENS, load: () => import('../portal/my-dossiers-page') },
  { path: '/hop-viec', roles: STAFF, load: () => import('../inbox/inbox-page') },
  { path: '/tiep-nhan', roles: ['officer'], load: () => import('../desk/receipt-page') },
  { path: '/ho-so/:code', roles: READERS, load: () => import('../dossier/dossier-page') },
  { path: '/bao-cao', roles: REPORT_READERS, load: () => import('../reports/report-page') },
  { path: '/so-theo-doi', roles: READERS, load: () => import('../register/register-page') },
  { path: '/tim-ho-so', roles: READERS, load: () => import('../search/search-page') },
  { path: '/so-do', roles: MODELERS, load: () => import('../modeler/procedures-page') },
  { path: '/so-do/:code', roles: MODELERS, load: () => import('../modeler/editor-page') },
  { path: '/cong-bo', roles: PUBLISHERS, load: () => import('../publishing/desk-page') },
  { path: '/cong-bo/:code/:n', roles: PUBLISHERS, load: () => import('../publishing/review-page') },
  { path: '/kiem-tra', roles: AUDITORS, load: () => import('../replay/dossiers-page') },
  { path: '/kiem-tra/:code', roles: AUDITORS, load: () => import('../replay/replay-page') },
];
