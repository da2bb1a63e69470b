import { BadRequest } from '../errors.js';

/** JSON nested deeper than this is refused: no form or setting of the system nests half as deep. */
export const MAX_DEPTH = 32;

/**
 * Refuses (400) a value of a request holding a NUL character (PostgreSQL stores none) or nested deeper than MAX_DEPTH;
 * `part` prefixes the JSON Pointer of the field (empty for the body).
 */
export function refuseHostile(value: unknown, part: string): void {
  const problem = hostileIn(value);
  if (!problem) return;
  const field = `${part}${problem.at}` || '/';
  if (problem.kind === 'nul') {
    throw new BadRequest('nul-character', 'Dữ liệu gửi lên có ký tự NUL (\\u0000), không được chấp nhận.', {
      errors: [{ field, message: 'Có ký tự NUL.' }],
    });
  }
  throw new BadRequest('too-deep', `Dữ liệu gửi lên lồng nhau quá ${MAX_DEPTH} cấp.`, {
    errors: [{ field, message: `Lồng quá ${MAX_DEPTH} cấp.` }],
  });
}

/** The first NUL character or excess nesting in a parsed value, found without recursion (so depth cannot hurt it). */
function hostileIn(root: unknown): { kind: 'nul' | 'depth'; at: string } | null {
  const stack: { value: unknown; at: string; depth: number }[] = [{ value: root, at: '', depth: 0 }];
  while (stack.length) {
    const { value, at, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { kind: 'nul', at };
      continue;
    }
    if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    if (depth >= MAX_DEPTH) return { kind: 'depth', at };
    for (const [key, child] of Object.entries(value)) {
      const here = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key.includes('\u0000')) return { kind: 'nul', at: here };
      stack.push({ value: child, at: here, depth: depth + 1 });
    }
  }
  return null;
}
