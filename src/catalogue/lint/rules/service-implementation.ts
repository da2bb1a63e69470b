import { isAny } from 'bpmnlint-utils';
import { parseText } from '../../../engine/expressions.js';
import type { RuleFactory } from './helpers.js';
import { SERVICE_LIKE } from './texts.js';

/** A service task calls one of the engine's registered services, `${environment.services.<name>}`, and nothing else. */
const serviceImplementation: RuleFactory = (config = {}) => {
  const services = (config.services as string[] | undefined) ?? [];
  return {
    check(node, reporter) {
      if (!isAny(node, SERVICE_LIKE)) return;
      const name = serviceNamed(String(node.implementation ?? ''));
      if (name === null || !services.includes(name)) {
        reporter.report(
          node.id!,
          `Bước tự động “${node.name ?? node.id}” phải gọi một dịch vụ đã đăng ký: implementation="\${environment.services.<tên>}" với tên là ${services.join(', ') || '(chưa có dịch vụ nào)'}.`,
        );
      }
    },
  };
};

/** The service an implementation names, as the engine's expression handler reads it; null when it names none. */
function serviceNamed(text: string): string | null {
  try {
    const single = parseText(text).single;
    return single?.kind === 'path' && single.root === 'services' && single.keys.length === 1
      ? String(single.keys[0])
      : null;
  } catch {
    return null;
  }
}

export default serviceImplementation;
