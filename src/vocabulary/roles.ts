/** The roles a user may hold: the applicant, the one-stop staff, the people who model and publish, audit, administer. */
export const ROLES = ['citizen', 'officer', 'leader', 'modeler', 'publisher', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
