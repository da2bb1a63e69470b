import { getDate, ISOInterval } from '@0dep/piso';
import { is } from 'bpmnlint-utils';
import { hasExpression } from '../../../engine/expressions.js';
import type { Node, RuleFactory } from './helpers.js';

/**
 * A timer waits a duration (`timeDuration`, ISO-8601, e.g. PT2H) or until an instant (`timeDate`); repeating timers
 * (`timeCycle`, or a duration with a repetition) are not run here. A written value is read with the parser the engine
 * uses (@0dep/piso), exactly as written; a value holding an expression is the `expressions` rule's.
 */
const timerDefinitions: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:TimerEventDefinition')) return;
    const owner = node.$parent as Node | undefined;
    const id = node.id ?? owner?.id ?? 'definitions';
    const label = `Hẹn giờ “${owner?.name ?? owner?.id ?? id}”`;
    const text = (key: string) => (node[key] as Node | undefined)?.body as string | undefined;
    const [duration, date, cycle] = [text('timeDuration'), text('timeDate'), text('timeCycle')];
    if (cycle !== undefined)
      return reporter.report(
        id,
        `${label} lặp lại theo chu kỳ (timeCycle), hệ thống chưa chạy loại này; dùng timeDuration.`,
      );
    if (!duration && !date)
      return reporter.report(id, `${label} chưa có thời gian chờ (timeDuration) hay thời điểm (timeDate).`);
    if (duration && !hasExpression(duration) && !isDuration(duration)) {
      reporter.report(
        id,
        `${label} có thời gian chờ “${duration}” không đúng dạng thời lượng ISO-8601 (ví dụ PT2H, P3D; không có khoảng trắng, không lặp lại).`,
      );
    }
    if (date && !hasExpression(date) && !isDate(date)) {
      reporter.report(
        id,
        `${label} có thời điểm “${date}” không đúng dạng ngày giờ ISO-8601 (ví dụ 2026-12-31T17:00:00+07:00).`,
      );
    }
  },
});

function isDuration(text: string): boolean {
  try {
    const parsed = new ISOInterval(text).parse();
    const now = new Date();
    return !parsed.repeat && Number.isFinite(parsed.getExpireAt(now, now).getTime());
  } catch {
    return false;
  }
}

function isDate(text: string): boolean {
  try {
    return Number.isFinite(getDate(text).getTime());
  } catch {
    return false;
  }
}

export default timerDefinitions;
