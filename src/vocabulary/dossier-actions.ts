/** What staff may do to a dossier beside its tasks, each under its own route `POST /api/dossiers/:code/<action>`. */
export const DOSSIER_ACTIONS = ['supplement', 'obligation', 'stop', 'resume', 'apology', 'withdraw', 'return'] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];
