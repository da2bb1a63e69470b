import { is } from 'bpmnlint-utils';
import type { Node, RuleFactory } from './helpers.js';

/** Exactly one process of the diagram is executable: the one the dossiers run. */
const executableProcess: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:Definitions')) return;
    const processes = ((node.rootElements as Node[] | undefined) ?? []).filter((e) => is(e, 'bpmn:Process'));
    const executable = processes.filter((p) => p.isExecutable === true);
    if (!executable.length) {
      reporter.report(
        processes[0]?.id ?? node.id ?? 'definitions',
        'Sơ đồ không có quy trình nào được đánh dấu thực thi (isExecutable="true").',
      );
    }
    for (const extra of executable.slice(1)) {
      reporter.report(
        extra.id!,
        'Sơ đồ có nhiều quy trình thực thi; hệ thống chỉ chạy một quy trình (một pool) cho mỗi thủ tục.',
      );
    }
  },
});

export default executableProcess;
