import { isAny } from 'bpmnlint-utils';
import type { RuleFactory } from './helpers.js';

const IMPLEMENTATION = /^\$\{\s*environment\.services\.([A-Za-z_$][\w$]*)\s*\}$/;

/** A service task calls one of the engine's registered services, `${environment.services.<name>}`, and nothing else. */
const serviceImplementation: RuleFactory = (config = {}) => {
  const services = (config.services as string[] | undefined) ?? [];
  return {
    check(node, reporter) {
      if (!isAny(node, ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'])) return;
      const name = IMPLEMENTATION.exec(String(node.implementation ?? ''))?.[1];
      if (!name || !services.includes(name)) {
        reporter.report(
          node.id!,
          `Bước tự động “${node.name ?? node.id}” phải gọi một dịch vụ đã đăng ký: implementation="\${environment.services.<tên>}" với tên là ${services.join(', ') || '(chưa có dịch vụ nào)'}.`,
        );
      }
    },
  };
};

export default serviceImplementation;
