import { readFileSync } from 'node:fs';
import { fromRoot } from '../../src/project.js';

/** Diagrams the validator is tried on, built from a shipped one so each breaks exactly one thing. */
export const BIRTH = readFileSync(fromRoot('processes/1.001193.bpmn'), 'utf8');
/** Version 2 of birth registration: the review gets 2 hours instead of 3. */
export const BIRTH_V2 = BIRTH.replace('mc:budget="PT3H" mc:status="4"', 'mc:budget="PT2H" mc:status="4"');

const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Turns the element `id` (a `bpmn:<from>`) into a `bpmn:<to>` with the given attributes in place of its own. */
export function retype(xml: string, id: string, from: string, to: string, attributes = ''): string {
  const open = new RegExp(`<bpmn:${from} id="${id}"[^>]*>`);
  const start = xml.search(open);
  if (start < 0) throw new Error(`no bpmn:${from} ${id}`);
  const close = xml.indexOf(`</bpmn:${from}>`, start);
  const body = xml.slice(start, close).replace(open, `<bpmn:${to} id="${id}" name="${id}" ${attributes}>`);
  return xml.slice(0, start) + body + `</bpmn:${to}>` + xml.slice(close + `</bpmn:${from}>`.length);
}

/** The shipped diagram without its drawing (BPMN DI), as some tools and hand-written files come. */
export const withoutDi = (xml: string) => xml.replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');

/** A collaboration of two pools: the commune's process, and the applicant's (executable or not). */
export function twoPools(applicantExecutable: boolean): string {
  return BIRTH.replace(
    '<bpmn:process id="DangKyKhaiSinh"',
    `<bpmn:collaboration id="Collab"><bpmn:participant id="Pool_UBND" name="UBND xã" processRef="DangKyKhaiSinh" /><bpmn:participant id="Pool_CongDan" name="Công dân" processRef="CongDan" /></bpmn:collaboration>
  <bpmn:process id="CongDan" name="Công dân" isExecutable="${applicantExecutable}"><bpmn:startEvent id="CongDan_Start" name="Nộp hồ sơ" /></bpmn:process>
  <bpmn:process id="DangKyKhaiSinh"`,
  );
}

export const XXE = `<?xml version="1.0"?>
<!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="D"><bpmn:process id="P" name="&xxe;" isExecutable="true" /></bpmn:definitions>`;

export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="D"><bpmn:process id="P" name="&lol9;" isExecutable="true" /></bpmn:definitions>`;

export const DMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="LePhi" name="Lệ phí" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="MucLePhi" name="Mức lệ phí"><decisionTable id="T"><input id="I"><inputExpression id="E" typeRef="string"><text>loai</text></inputExpression></input><output id="O" name="phi" typeRef="number" /></decisionTable></decision>
</definitions>`;

/** What Camunda Modeler 5 writes for a small approval flow: candidate groups and due dates, no mc: attributes. */
export const CAMUNDA = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="${BPMN_NS}" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.28.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.21.0">
  <bpmn:process id="Process_KhaiSinh" name="Khai sinh" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="StartEvent_1" name="Tiếp nhận"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_ThamDinh" name="Thẩm định" camunda:candidateGroups="officer" camunda:dueDate="PT4H" mc:unitLevel="xa" xmlns:mc="https://motcua.hanoi.gov.vn/schema/bpmn/1.0">
      <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:userTask id="Task_Ky" name="Ký duyệt" camunda:candidateGroups="leader,lanhdao"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="EndEvent_1" name="Trả kết quả"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_ThamDinh" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_ThamDinh" targetRef="Task_Ky" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_Ky" targetRef="EndEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_KhaiSinh">
    <bpmndi:BPMNShape id="S1" bpmnElement="StartEvent_1"><dc:Bounds x="10" y="10" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="S2" bpmnElement="Task_ThamDinh"><dc:Bounds x="100" y="0" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="S3" bpmnElement="Task_Ky"><dc:Bounds x="250" y="0" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="S4" bpmnElement="EndEvent_1"><dc:Bounds x="400" y="10" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="E1" bpmnElement="Flow_1"><di:waypoint x="46" y="28" /><di:waypoint x="100" y="40" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="E2" bpmnElement="Flow_2"><di:waypoint x="200" y="40" /><di:waypoint x="250" y="40" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="E3" bpmnElement="Flow_3"><di:waypoint x="350" y="40" /><di:waypoint x="400" y="28" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** The style of Signavio, Bizagi, ARIS and Trisotech exports: default or `semantic:` namespace, vendor extensions, no executable flag. */
export const SIGNAVIO = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<definitions xmlns="${BPMN_NS}" xmlns:signavio="http://www.signavio.com" xmlns:bizagi="http://www.bizagi.com/bpmn20" id="sid-1" targetNamespace="http://www.signavio.com" exporter="Signavio Process Editor, http://www.signavio.com" exporterVersion="17.4.0">
  <process id="sid-P" name="Cấp phép" processType="None" isClosed="false">
    <extensionElements><signavio:signavioDiagramMetaData metaKey="revisionid" metaValue="abc" /></extensionElements>
    <startEvent id="sid-S" name="Bắt đầu"><extensionElements><bizagi:BizagiExtensions><bizagi:BizagiProperties /></bizagi:BizagiExtensions></extensionElements><outgoing>sid-F1</outgoing></startEvent>
    <task id="sid-T" name="Xem xét"><incoming>sid-F1</incoming><outgoing>sid-F2</outgoing></task>
    <endEvent id="sid-E" name="Kết thúc"><incoming>sid-F2</incoming></endEvent>
    <sequenceFlow id="sid-F1" sourceRef="sid-S" targetRef="sid-T" />
    <sequenceFlow id="sid-F2" sourceRef="sid-T" targetRef="sid-E" />
    <unknownVendorThing id="sid-X" />
  </process>
</definitions>`;
