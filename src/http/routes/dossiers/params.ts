import { Type } from 'typebox';

/** A dossier's code in the path. */
export const DossierParams = Type.Object({ code: Type.String({ maxLength: 64 }) });
