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

const MODELERS: Role[] = ['modeler', 'publisher', 'admin'];
const PUBLISHERS: Role[] = ['publisher', 'admin'];
const AUDITORS: Role[] = ['auditor', 'admin'];

export const ROUTES: Route[] = [
  { path: '/so-do', roles: MODELERS, load: () => import('../modeler/procedures-page') },
  { path: '/so-do/:code', roles: MODELERS, load: () => import('../modeler/editor-page') },
  { path: '/cong-bo', roles: PUBLISHERS, load: () => import('../publishing/desk-page') },
  { path: '/cong-bo/:code/:n', roles: PUBLISHERS, load: () => import('../publishing/review-page') },
  { path: '/kiem-tra', roles: AUDITORS, load: () => import('../replay/dossiers-page') },
  { path: '/kiem-tra/:code', roles: AUDITORS, load: () => import('../replay/replay-page') },
];
