import type { IScripts } from 'bpmn-elements';

/**
 * Replaces bpmn-engine's default script handler, which runs inline JavaScript in `node:vm` (not a security
 * boundary). A script task or a condition written in any script language fails when reached; nothing runs.
 * Conditions without a language are the engine's own expressions and stay allowed.
 */
export const noScripts: IScripts = {
  register: () => undefined,
  getScript: (language: string | undefined) => (language ? refused(language) : undefined),
} as unknown as IScripts;

function refused(language: string) {
  return {
    execute(_scope: unknown, callback: (err: Error) => void) {
      callback(
        new Error(`scripts (${language}) are not allowed in this system; use an expression or a registered service`),
      );
    },
  };
}
