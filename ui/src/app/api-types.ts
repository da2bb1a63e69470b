/**
 * The API's answers as the browser receives them, derived from the server's own route schemas (`src/http/schemas.ts`)
 * so that a page and the server cannot drift apart. Type-only: nothing of the server is bundled.
 */
import type { Static } from 'typebox';
import type * as S from '../../../src/http/schemas';

export type DossierSummary = Static<typeof S.DossierSummary>;
export type ProcedureSummary = Static<typeof S.ProcedureSummary>;
export type Unit = Static<typeof S.Unit>;
export type TimelineEntry = Static<typeof S.TimelineEntry>;
export type Incident = Static<typeof S.Incident>;
