import type { TestApp } from './app.js';
import { BIRTH } from './bpmn-corpus.js';

/**
 * Diagrams an attacker would upload, each built from the shipped birth registration so that the hostile part is
 * reached at receipt (on the first flow or the first task). `rule` and `elementId` say which finding refuses it.
 */
export interface HostileDiagram {
  name: string;
  xml: string;
  rule: string;
  elementId: string;
}

/**
 * JavaScript that would leave a file behind if it ever ran, written without parentheses or double quotes (tagged
 * templates call functions), as an attacker writes it to slip through bpmn-elements' default resolver.
 */
export function payload(marker: string): string {
  return `Function\`process.getBuiltinModule\\x28'fs'\\x29.writeFileSync\\x28'${marker}','ran'\\x29\`\`\``;
}

/** Text made safe inside an XML attribute value. */
const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const FIRST_FLOW = '<bpmn:sequenceFlow id="Flow_TiepNhan_ThamDinh" sourceRef="TiepNhan" targetRef="ThamDinh" />';
const FIRST_TASK_OPEN = 'mc:budget="PT3H" mc:status="4">';

/** The first flow, taken at receipt, with a condition. */
export const onFirstFlow = (body: string, xml = BIRTH) =>
  xml.replace(
    FIRST_FLOW,
    `<bpmn:sequenceFlow id="Flow_TiepNhan_ThamDinh" sourceRef="TiepNhan" targetRef="ThamDinh"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${body}</bpmn:conditionExpression></bpmn:sequenceFlow>`,
  );

/** Something inside the first task (a loop, extension elements), which starts at receipt. */
export const inFirstTask = (inner: string, attributes = '', xml = BIRTH) =>
  xml.replace(FIRST_TASK_OPEN, `mc:budget="PT3H" mc:status="4"${attributes}>${inner}`);

/** A timer on the first task, armed at receipt. */
export const timerOnFirstTask = (definition: string, xml = BIRTH) =>
  xml.replace(
    '<bpmn:exclusiveGateway id="QuyetDinh"',
    `<bpmn:boundaryEvent id="HetGio" name="Hết giờ" cancelActivity="false" attachedToRef="ThamDinh"><bpmn:timerEventDefinition id="HetGio_Timer">${definition}</bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:exclusiveGateway id="QuyetDinh"`,
  );

/** Every class of hostile expression, with variants: padding, nesting, other services, other places. */
export function hostileDiagrams(marker: string): HostileDiagram[] {
  const code = payload(marker);
  const ctor = `environment.services.outcomeIs.constructor("${code}")`;
  const notify = `environment.services.notifyApplicant.constructor("${code}")`;
  return [
    {
      name: 'Function from a service, in a padded condition',
      xml: onFirstFlow(` \${${ctor}}`),
      rule: 'motcua/supported-conditions',
      elementId: 'Flow_TiepNhan_ThamDinh',
    },
    {
      name: 'Function from a service, inside a longer condition',
      xml: onFirstFlow(`x\${${ctor}}`),
      rule: 'motcua/supported-conditions',
      elementId: 'Flow_TiepNhan_ThamDinh',
    },
    {
      name: 'Function called at once, in a condition',
      xml: onFirstFlow(`\${${ctor}()}`),
      rule: 'motcua/supported-conditions',
      elementId: 'Flow_TiepNhan_ThamDinh',
    },
    {
      name: 'Function from another service, with a tab and a newline',
      xml: onFirstFlow(`\t\${${notify}}\n`),
      rule: 'motcua/supported-conditions',
      elementId: 'Flow_TiepNhan_ThamDinh',
    },
    {
      name: 'Function nested as an argument',
      xml: onFirstFlow(`\${environment.services.outcomeIs(${ctor},'x')}`),
      rule: 'motcua/supported-conditions',
      elementId: 'Flow_TiepNhan_ThamDinh',
    },
    {
      name: 'Function written with entities',
      xml: onFirstFlow(`x&#36;{${ctor.replace(/'/g, '&apos;').replace(/"/g, '&quot;')}}`),
      rule: 'motcua/supported-conditions',
      elementId: 'Flow_TiepNhan_ThamDinh',
    },
    {
      name: 'Object.prototype polluted through the variables',
      xml: onFirstFlow(
        '${environment.variables.constructor.assign(environment.variables.__proto__,environment.variables)}',
      ),
      rule: 'motcua/supported-conditions',
      elementId: 'Flow_TiepNhan_ThamDinh',
    },
    {
      name: 'bracketed constructor',
      xml: onFirstFlow(
        "${environment.variables['constructor']['assign'](environment.variables['__proto__'],environment.variables)}",
      ),
      rule: 'motcua/supported-conditions',
      elementId: 'Flow_TiepNhan_ThamDinh',
    },
    {
      name: 'Function in a timer duration',
      xml: timerOnFirstTask(`<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT\${${ctor}}H</bpmn:timeDuration>`),
      rule: 'motcua/expressions',
      elementId: 'HetGio_Timer',
    },
    {
      name: 'Function in a timer date',
      xml: timerOnFirstTask(`<bpmn:timeDate xsi:type="bpmn:tFormalExpression">\${${notify}}</bpmn:timeDate>`),
      rule: 'motcua/expressions',
      elementId: 'HetGio_Timer',
    },
    {
      name: 'Function in a loop cardinality',
      xml: inFirstTask(
        `<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">1\${${ctor}}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>`,
      ),
      rule: 'motcua/expressions',
      elementId: 'ThamDinh',
    },
    {
      name: 'Function in a loop completion condition',
      xml: inFirstTask(
        `<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">2</bpmn:loopCardinality><bpmn:completionCondition xsi:type="bpmn:tFormalExpression"> \${${ctor}}</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>`,
      ),
      rule: 'motcua/supported-conditions',
      elementId: 'ThamDinh',
    },
    {
      name: 'Function in an error code',
      xml: BIRTH.replace(
        '</bpmn:process>',
        `</bpmn:process><bpmn:error id="Loi" name="Lỗi" errorCode="E\${${attr(ctor)}}" />`,
      ),
      rule: 'motcua/expressions',
      elementId: 'Loi',
    },
    {
      name: 'Function in an attribute of another namespace',
      xml: inFirstTask('', ` xmlns:x="urn:vendor" x:hint="\${${attr(ctor)}}"`),
      rule: 'motcua/expressions',
      elementId: 'ThamDinh',
    },
    {
      name: 'Function in an extension element body',
      xml: inFirstTask(
        `<bpmn:extensionElements><x:script xmlns:x="urn:vendor">\${${ctor}}</x:script></bpmn:extensionElements>`,
      ),
      rule: 'motcua/expressions',
      elementId: 'ThamDinh',
    },
    {
      name: 'Function as a service implementation',
      xml: BIRTH.replace(
        '<bpmn:userTask id="KyDuyet"',
        `<bpmn:serviceTask id="Gui" name="Gửi" implementation="\${${attr(ctor)}}" /><bpmn:userTask id="KyDuyet"`,
      ),
      rule: 'motcua/service-implementation',
      elementId: 'Gui',
    },
  ];
}

/** Diagrams that would hold an engine thread: a loop of a billion, a cycle that never waits. */
export function jammingDiagrams(): HostileDiagram[] {
  const loopBack = BIRTH.replace(
    FIRST_FLOW,
    `<bpmn:sequenceFlow id="Flow_TiepNhan_ThamDinh" sourceRef="TiepNhan" targetRef="VongLap" />
    <bpmn:exclusiveGateway id="VongLap" name="Vòng lặp" default="Flow_Lap"><bpmn:incoming>Flow_TiepNhan_ThamDinh</bpmn:incoming><bpmn:incoming>Flow_Lap</bpmn:incoming><bpmn:outgoing>Flow_Lap</bpmn:outgoing><bpmn:outgoing>Flow_Ra</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="Flow_Lap" sourceRef="VongLap" targetRef="VongLap" />
    <bpmn:sequenceFlow id="Flow_Ra" sourceRef="VongLap" targetRef="ThamDinh"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${false}</bpmn:conditionExpression></bpmn:sequenceFlow>`,
  );
  const billion = BIRTH.replace(
    '<bpmn:sequenceFlow id="Flow_ThamDinh_KyDuyet" sourceRef="ThamDinh" targetRef="KyDuyet" />',
    `<bpmn:sequenceFlow id="Flow_ThamDinh_KyDuyet" sourceRef="ThamDinh" targetRef="Gui" />
    <bpmn:serviceTask id="Gui" name="Gửi" implementation="\${environment.services.notifyApplicant}"><bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">1000000000</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>
    <bpmn:sequenceFlow id="Flow_Gui_KyDuyet" sourceRef="Gui" targetRef="KyDuyet" />`,
  );
  return [
    { name: 'a gateway that loops back on itself', xml: loopBack, rule: 'motcua/loops-wait', elementId: 'VongLap' },
    {
      name: 'a billion repetitions of a service task',
      xml: inFirstTask(
        '<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">1000000000</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>',
      ),
      rule: 'motcua/bounded-loops',
      elementId: 'ThamDinh',
    },
    {
      name: 'a standard loop without a maximum',
      xml: inFirstTask('<bpmn:standardLoopCharacteristics />'),
      rule: 'motcua/bounded-loops',
      elementId: 'ThamDinh',
    },
    {
      name: 'a repeating timer',
      xml: timerOnFirstTask('<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT0S</bpmn:timeCycle>'),
      rule: 'motcua/timer-definitions',
      elementId: 'HetGio_Timer',
    },
    {
      name: 'a repetition hidden in a duration',
      xml: timerOnFirstTask('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">R1000/PT0S</bpmn:timeDuration>'),
      rule: 'motcua/timer-definitions',
      elementId: 'HetGio_Timer',
    },
    {
      name: 'a padded duration the engine cannot read',
      xml: timerOnFirstTask('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression"> PT2H</bpmn:timeDuration>'),
      rule: 'motcua/timer-definitions',
      elementId: 'HetGio_Timer',
    },
    {
      name: 'a condition that is not an expression',
      xml: onFirstFlow('approved'),
      rule: 'motcua/supported-conditions',
      elementId: 'Flow_TiepNhan_ThamDinh',
    },
    {
      name: 'a service task looping a billion times after the review',
      xml: billion,
      rule: 'motcua/bounded-loops',
      elementId: 'Gui',
    },
  ];
}

/** A procedure of its own, published with the diagram as if it had been forced into the database past validation. */
export async function forcePublished(h: TestApp, code: string, xml: string): Promise<void> {
  await h.app.system.db.knex.transaction((trx) =>
    h.app.system.catalogue.addPublished(
      trx,
      {
        code,
        name: `Thủ tục thử ${code}`,
        field: 'Thử',
        levels: ['xa'],
        departmentCode: null,
        ownerCode: null,
        agency: null,
        timeLimit: { hours: 40, text: '5 ngày' },
        fee: null,
        onlineLevel: null,
        documents: [],
        formSchema: null,
      },
      xml,
      h.clock.now(),
    ),
  );
}
