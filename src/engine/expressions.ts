// Pure (no Node built-ins): the editor's live linting checks diagrams with this same grammar in the browser.
import jsep from 'jsep';

/**
 * The city's expression grammar: the only expressions an uploaded diagram may hold, and the only ones the engine
 * evaluates (it is given to bpmn-elements as its `expressions`, replacing its resolver, which follows any property
 * path: `environment.services.x.constructor` is `Function`). The validator checks every `${…}` of a diagram with
 * `parseText`, the engine evaluates with `resolveExpression`: one parser for both.
 *
 *   text        a text without `${` is itself; a text that is one expression with only white space around it has
 *               the expression's value; any other text is a template whose expressions must give a string, a number,
 *               a boolean or nothing (written as the empty text)
 *   expression  `${` value `}`, where value is one of
 *     literal   'text' | "text" | number | -number | true | false | null
 *     path      environment.variables(.name | [literal])…  or  environment.services.name
 *     call      environment.services.name(argument, …), each argument a literal or a variables path
 *
 * Names are own properties only: `constructor`, `__proto__` and `prototype` are refused wherever they stand, and a path
 * never goes into a function or through what an object inherits. A service is called with `this` undefined.
 */

export type Literal = { kind: 'literal'; value: string | number | boolean | null };
export type Path = { kind: 'path'; root: 'variables' | 'services'; keys: (string | number)[] };
export type Call = { kind: 'call'; service: string; args: (Literal | Path)[] };
export type Expression = Literal | Path | Call;

/** A text as the grammar reads it: literal pieces and expressions in order, and the expression when it is just one. */
export interface ParsedText {
  parts: ({ text: string } | { expression: Expression; source: string })[];
  single: Expression | null;
}

/** A text outside the grammar (at validation), or an expression the engine refuses to evaluate (at run time). */
export class ExpressionRefused extends Error {
  override name = 'ExpressionRefused';
}

const FORBIDDEN = new Set(['constructor', '__proto__', 'prototype']);

/** True when the text holds an expression opening, `${`, anywhere. */
export function hasExpression(text: unknown): text is string {
  return typeof text === 'string' && text.includes('${');
}

/** Reads a text with the grammar; throws ExpressionRefused with the reason in Vietnamese. */
export function parseText(text: string): ParsedText {
  const cached = parsedTexts.get(text);
  if (cached) return cached;
  const parsed = parseUncached(text);
  if (parsedTexts.size >= 2000) parsedTexts.delete(parsedTexts.keys().next().value!);
  parsedTexts.set(text, parsed);
  return parsed;
}

const parsedTexts = new Map<string, ParsedText>();

function parseUncached(text: string): ParsedText {
  const parts: ParsedText['parts'] = [];
  let rest = text;
  for (let open = rest.indexOf('${'); open >= 0; open = rest.indexOf('${')) {
    if (open > 0) parts.push({ text: rest.slice(0, open) });
    const close = closingBrace(rest, open + 2);
    if (close < 0) throw new ExpressionRefused(`biểu thức mở bằng “\${” nhưng không có “}” đóng`);
    const source = rest.slice(open + 2, close);
    parts.push({ expression: parseExpression(source), source });
    rest = rest.slice(close + 1);
  }
  if (rest) parts.push({ text: rest });
  const expressions = parts.filter((p) => 'expression' in p);
  const onlySpace = parts.every((p) => 'expression' in p || !p.text.trim());
  const single = expressions.length === 1 && onlySpace ? expressions[0]!.expression : null;
  return { parts, single };
}

/** The `}` closing an expression that starts at `from`, outside quoted text; -1 when there is none. */
function closingBrace(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

function parseExpression(source: string): Expression {
  let tree: jsep.Expression;
  try {
    tree = jsep(source);
  } catch (err) {
    throw new ExpressionRefused(`không đọc được biểu thức “${source}” (${(err as Error).message})`);
  }
  if (tree.type === 'CallExpression') return call(tree as jsep.CallExpression, source);
  return argument(tree, source);
}

function call(tree: jsep.CallExpression, source: string): Call {
  const callee = path(tree.callee, source);
  if (callee.root !== 'services' || callee.keys.length !== 1) {
    throw new ExpressionRefused(`“${source}”: chỉ được gọi một dịch vụ đã đăng ký, dạng environment.services.<tên>(…)`);
  }
  const args = tree.arguments.map((a) => argument(a, source));
  if (args.some((a) => a.kind === 'path' && a.root === 'services')) {
    throw new ExpressionRefused(`“${source}”: đối số của dịch vụ chỉ là giá trị cố định hoặc environment.variables.…`);
  }
  return { kind: 'call', service: String(callee.keys[0]), args };
}

function argument(tree: jsep.Expression, source: string): Literal | Path {
  const value = literal(tree);
  if (value !== undefined) return { kind: 'literal', value };
  if (tree.type === 'CallExpression')
    throw new ExpressionRefused(`“${source}”: không được gọi dịch vụ lồng trong dịch vụ`);
  const found = path(tree, source);
  if (found.root === 'services' && found.keys.length !== 1) {
    throw new ExpressionRefused(`“${source}”: một dịch vụ chỉ được nêu bằng tên, environment.services.<tên>`);
  }
  return found;
}

/** The value of a literal node (a negative number included), or undefined when the node is not a literal. */
function literal(tree: jsep.Expression): Literal['value'] | undefined {
  if (tree.type === 'Literal') {
    const { value } = tree as jsep.Literal;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Literal['value'];
    return undefined;
  }
  const unary = tree as jsep.UnaryExpression;
  if (tree.type === 'UnaryExpression' && unary.operator === '-' && unary.argument.type === 'Literal') {
    const value = (unary.argument as jsep.Literal).value;
    if (typeof value === 'number') return -value;
  }
  return undefined;
}

function path(tree: jsep.Expression, source: string): Path {
  const keys: (string | number)[] = [];
  let node = tree;
  while (node.type === 'MemberExpression') {
    const member = node as jsep.MemberExpression;
    keys.unshift(memberKey(member, source));
    node = member.object;
  }
  const [root, ...rest] = keys;
  if (
    node.type !== 'Identifier' ||
    (node as jsep.Identifier).name !== 'environment' ||
    (root !== 'variables' && root !== 'services')
  ) {
    throw new ExpressionRefused(
      `“${source}”: chỉ được dùng giá trị cố định, environment.variables.… hoặc environment.services.…`,
    );
  }
  return { kind: 'path', root, keys: rest };
}

function memberKey(member: jsep.MemberExpression, source: string): string | number {
  const key = member.computed
    ? literal(member.property)
    : member.property.type === 'Identifier'
      ? (member.property as jsep.Identifier).name
      : undefined;
  if (typeof key !== 'string' && typeof key !== 'number') {
    throw new ExpressionRefused(`“${source}”: tên thuộc tính phải là tên hoặc giá trị cố định`);
  }
  if (member.optional) throw new ExpressionRefused(`“${source}”: không dùng “?.”`);
  if (FORBIDDEN.has(String(key))) throw new ExpressionRefused(`“${source}”: không được dùng thuộc tính “${key}”`);
  return key;
}

/** What an expression is evaluated against: the process variables and the registered services. */
export interface ExpressionScope {
  variables: unknown;
  services: unknown;
}

/** Evaluates a parsed text; throws ExpressionRefused for what the grammar forbids at run time (a function in a template…). */
export function evaluateText(parsed: ParsedText, scope: ExpressionScope): unknown {
  if (parsed.single) return evaluate(parsed.single, scope);
  return parsed.parts
    .map((p) => ('text' in p ? p.text : templateValue(evaluate(p.expression, scope), p.source)))
    .join('');
}

function templateValue(value: unknown, source: string): string {
  if (value === null || value === undefined) return '';
  if (['string', 'number', 'boolean'].includes(typeof value)) return String(value);
  throw new ExpressionRefused(`“${source}” trong một đoạn văn bản phải cho ra chữ, số hoặc đúng/sai`);
}

function evaluate(expression: Expression, scope: ExpressionScope): unknown {
  if (expression.kind === 'literal') return expression.value;
  if (expression.kind === 'path') return resolvePath(expression, scope);
  const service = resolvePath({ kind: 'path', root: 'services', keys: [expression.service] }, scope);
  if (typeof service !== 'function') throw new ExpressionRefused(`không có dịch vụ “${expression.service}”`);
  const args = expression.args.map((a) => {
    const value = evaluate(a, scope);
    if (typeof value === 'function')
      throw new ExpressionRefused(`không được truyền dịch vụ làm đối số của “${expression.service}”`);
    return value;
  });
  const result: unknown = service.apply(undefined, args);
  if (typeof result === 'function') throw new ExpressionRefused(`dịch vụ “${expression.service}” trả về một hàm`);
  return result;
}

/** Follows own properties only, never into a function; a service path gives the registered function itself. */
function resolvePath({ root, keys }: Path, scope: ExpressionScope): unknown {
  let value: unknown = scope[root];
  for (const key of keys) {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'object')
      throw new ExpressionRefused(`không đọc được “${key}” của một giá trị không phải đối tượng`);
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  if (typeof value === 'function' && !(root === 'services' && keys.length === 1)) {
    throw new ExpressionRefused('biểu thức không được trỏ tới một hàm');
  }
  return value;
}

/**
 * The `expressions` given to bpmn-elements' environment. `context` is what the engine resolves against
 * (`{ environment, ...message }`); only the environment's variables and services are ever read from it.
 */
export const cityExpressions = {
  resolveExpression(
    text: unknown,
    context: { environment?: { variables?: unknown; services?: unknown } } | undefined,
  ): unknown {
    if (!hasExpression(text)) return text;
    const environment = context?.environment;
    return evaluateText(parseText(text), { variables: environment?.variables, services: environment?.services });
  },
  isExpression(text: unknown): boolean {
    if (!hasExpression(text)) return false;
    try {
      return parseText(text).single !== null;
    } catch {
      return false;
    }
  },
  hasExpression,
};
