import { Type } from 'typebox';

/** A procedure's code in the path. */
export const Code = Type.Object({ code: Type.String({ maxLength: 32 }) });
/** A procedure's code and a version number in the path. */
export const CodeNumber = Type.Object({
  code: Type.String({ maxLength: 32 }),
  n: Type.Integer({ minimum: 1, maximum: 100000 }),
});
