import t from 'tap';
import { cityExpressions, ExpressionRefused, parseText } from '../../src/engine/expressions.js';
import { createServices } from '../../src/engine/services.js';

const services = createServices();
const resolve = (text: unknown, variables: Record<string, unknown> = { outcome: 'approve' }) =>
  cityExpressions.resolveExpression(text, { environment: { variables, services } });

t.test('the expressions the city writes evaluate as the engine needs them', async (t) => {
  t.equal(resolve("${environment.services.outcomeIs(environment.variables.outcome,'approve')}"), true);
  t.equal(resolve("${environment.services.outcomeIs(environment.variables.outcome,'return')}"), false);
  t.equal(
    resolve('${environment.services.outcomeIs(environment.variables.outcome, "giá-trị")}', { outcome: 'giá-trị' }),
    true,
    'double quotes, Vietnamese text',
  );
  t.equal(
    resolve('${environment.services.notifyApplicant}'),
    services.notifyApplicant,
    'a service task names its implementation',
  );
  t.equal(resolve('PT2H'), 'PT2H', 'a text without ${ is itself');
  t.equal(resolve(42), 42, 'what is not text is itself');
  t.equal(
    resolve('  ${environment.variables.outcome}\n'),
    'approve',
    'white space around one expression is not part of it',
  );
  t.equal(resolve('P${environment.variables.days}D', { days: 3 }), 'P3D', 'a template');
  t.equal(resolve('${environment.variables.missing}'), undefined, 'a variable not set');
  t.equal(resolve('a${environment.variables.missing}b'), 'ab');
  t.equal(resolve('${environment.variables.list[1]}', { list: ['a', 'b'] }), 'b');
  t.equal(resolve("${environment.variables['outcome']}"), 'approve');
  t.same(
    [resolve('${true}'), resolve('${null}'), resolve('${-2.5}'), resolve("${'x}y'}")],
    [true, null, -2.5, 'x}y'],
    'literals, a brace inside quotes',
  );
  t.equal(cityExpressions.isExpression('${environment.variables.outcome}'), true);
  t.equal(cityExpressions.isExpression('x ${environment.variables.outcome}'), false);
  t.equal(cityExpressions.hasExpression('x ${'), true);
});

t.test('nothing outside the grammar is evaluated or reached', async (t) => {
  const hostile = [
    "${environment.services.outcomeIs.constructor('return process')()}",
    'x${environment.services.outcomeIs.constructor(\'require("fs").writeFileSync("/tmp/pwned","1")\')}',
    '${environment.variables.constructor.assign(environment.variables.__proto__, environment.variables)}',
    '${environment.variables.__proto__}',
    "${environment.variables['constructor']}",
    '${environment.variables.outcome.constructor}',
    '${environment.services.outcomeIs.prototype}',
    '${environment.services}',
    '${environment.services.outcomeIs.call}',
    '${environment.settings}',
    '${environment.getServiceByName}',
    '${content.output}',
    '${process.mainModule}',
    '${this}',
    '${1 + 1}',
    "${environment.variables.outcome == 'approve'}",
    '${environment.services.outcomeIs(environment.services.outcomeIs(1,1), 1)}',
    '${environment.services.outcomeIs(environment.services.outcomeIs, 1)}',
    '${environment.variables.a ? 1 : 2}',
    '${[1,2]}',
    '${environment.variables?.outcome}',
    '${(environment.variables).outcome}x${',
    '${environment.variables[environment.variables.key]}',
    '${`x`}',
    '${a${b}}',
    '${}',
  ];
  for (const text of hostile) {
    t.throws(() => parseText(text), ExpressionRefused, `refused at validation: ${text}`);
    t.throws(() => resolve(text), ExpressionRefused, `refused by the engine: ${text}`);
  }
  t.notOk(Object.hasOwn(Object.prototype, 'outcome'), 'Object.prototype untouched');
});

t.test('at run time a function or an object never becomes text, and nothing is read through a function', async (t) => {
  t.throws(() => resolve('x${environment.services.notifyApplicant}'), ExpressionRefused, 'a service inside a template');
  t.throws(
    () => resolve('x${environment.variables.object}', { object: { a: 1 } }),
    ExpressionRefused,
    'an object inside a template',
  );
  t.throws(
    () => resolve('${environment.variables.f}', { f: () => 1 }),
    ExpressionRefused,
    'a function among the variables',
  );
  t.throws(() => resolve('${environment.services.unknown(1)}'), ExpressionRefused, 'an unregistered service');
  t.throws(() => resolve('${environment.variables.outcome.length}'), ExpressionRefused, 'a property of text');
  const inherited = Object.create({ secret: 'x' });
  t.equal(
    resolve('${environment.variables.v.secret}', { v: inherited }),
    undefined,
    'inherited properties are not read',
  );
});

t.test('the registry handed to the engine cannot be changed', async (t) => {
  t.ok(Object.isFrozen(services));
  t.equal(Object.getPrototypeOf(services), null);
  t.ok(Object.values(services).every((fn) => Object.isFrozen(fn)));
  t.throws(() => {
    (services as Record<string, unknown>).outcomeIs = () => true;
  });
});
