import { isAny } from 'bpmnlint-utils';
import { parseWorkingDuration } from '../../../calendar/duration.js';
import { camundaHints } from '../../../engine/hints.js';
import type { RuleFactory } from './helpers.js';

/**
 * Every human task says who does it (`mc:role`), at which unit (`mc:unitLevel` or `mc:unit`) and in how much working
 * time (`mc:budget`). Camunda Modeler's candidate groups and due date (as a duration) are accepted in their place.
 */
const humanTaskAttributes: RuleFactory = (config = {}) => {
  const roles = (config.roles as string[] | undefined) ?? ['officer', 'leader'];
  const levels = (config.levels as string[] | undefined) ?? ['xa', 'huyen', 'tinh'];
  return {
    check(node, reporter) {
      if (!isAny(node, ['bpmn:UserTask', 'bpmn:ManualTask'])) return;
      const label = `Bước “${node.name ?? node.id}”`;
      const hints = camundaHints(node);
      const role = (node.role as string | undefined) ?? hints.role;
      if (!role) reporter.report(node.id!, `${label} chưa có vai trò thực hiện (mc:role: ${roles.join(' hoặc ')}).`);
      else if (!roles.includes(role))
        reporter.report(
          node.id!,
          `${label} có vai trò “${role}” không hợp lệ; vai trò phải là ${roles.join(' hoặc ')}.`,
        );
      const level = node.unitLevel as string | undefined;
      if (!level && !node.unit)
        reporter.report(
          node.id!,
          `${label} chưa có cấp đơn vị thực hiện (mc:unitLevel: ${levels.join(', ')}; hoặc mc:unit).`,
        );
      else if (level && !levels.includes(level))
        reporter.report(node.id!, `${label} có cấp đơn vị “${level}” không hợp lệ; cấp phải là ${levels.join(', ')}.`);
      const budget = (node.budget as string | undefined) ?? hints.budget;
      const hours = budget ? parseWorkingDuration(budget, 8) : null;
      if (!budget)
        reporter.report(
          node.id!,
          `${label} chưa có thời hạn xử lý (mc:budget, ví dụ P2D là 2 ngày làm việc, PT4H là 4 giờ).`,
        );
      else if (!hours)
        reporter.report(
          node.id!,
          `${label} có thời hạn “${budget}” không hợp lệ; dùng dạng ISO-8601 như P2D hoặc PT4H.`,
        );
    },
  };
};

export default humanTaskAttributes;
