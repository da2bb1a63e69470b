import type { Knex } from 'knex';

/** An entry of the catalogue's own history (`catalogue_events`): what happened to a procedure or one of its versions. */
export interface CatalogueEvent {
  procedureCode: string;
  /** Absent for an event of the procedure itself. */
  versionId?: number;
  type: string;
  /** Null for the system's own change (e.g. `motcua publish-revisions`). */
  actorId: number | null;
  at: string;
  payload: Record<string, unknown>;
}

/** Appends an event to the catalogue's history, on the transaction of the change it records. */
export async function recordCatalogueEvent(db: Knex, event: CatalogueEvent): Promise<void> {
  await db('catalogue_events').insert({
    procedure_code: event.procedureCode,
    ...(event.versionId === undefined ? {} : { version_id: event.versionId }),
    type: event.type,
    actor_id: event.actorId,
    at: event.at,
    payload: JSON.stringify(event.payload),
  });
}
