import type { AuditRepository } from '../audit/repository.js';
import type { DossierContext } from '../dossiers/index.js';
import type { UploadLimits } from './files.js';
import type { PortalRepository } from './repository.js';

/** What the portal works with: the dossiers room's context, its own SQL, the event log (read), the upload limits. */
export interface PortalContext extends DossierContext {
  store: PortalRepository;
  log: AuditRepository;
  limits: UploadLimits;
}
