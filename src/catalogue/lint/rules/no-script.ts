import { is } from 'bpmnlint-utils';
import type { Node, RuleFactory } from './helpers.js';

/** Uploaded BPMN never runs code: no script task, no condition written in a script language. */
const noScript: RuleFactory = () => ({
  check(node, reporter) {
    if (is(node, 'bpmn:ScriptTask')) {
      reporter.report(
        node.id!,
        `Bước “${node.name ?? node.id}” là bước chạy mã lệnh (script task); hệ thống không chạy mã lệnh trong sơ đồ.`,
      );
    }
    const condition = node.conditionExpression as Node | undefined;
    if (is(node, 'bpmn:SequenceFlow') && condition?.language) {
      reporter.report(
        node.id!,
        `Điều kiện của luồng “${node.name ?? node.id}” viết bằng ngôn ngữ lệnh (${String(condition.language)}); hệ thống không chạy mã lệnh.`,
      );
    }
  },
});

export default noScript;
