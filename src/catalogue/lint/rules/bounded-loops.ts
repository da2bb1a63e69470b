import { is } from 'bpmnlint-utils';
import type { Node, RuleFactory } from './helpers.js';

/**
 * Every loop of an activity has a known bound, so that no step of a dossier runs without end: a multi-instance loop
 * repeats a whole number of times written in the diagram (or once per item of a collection), a standard loop names its
 * `loopMaximum`, and nested loops together repeat at most `max` times (default 100).
 */
const boundedLoops: RuleFactory = (config = {}) => {
  const max = (config.max as number | undefined) ?? 100;
  return {
    check(node, reporter) {
      const loop = node.loopCharacteristics as Node | undefined;
      if (!loop) return;
      const label = `“${node.name ?? node.id}”`;
      const times = timesOf(loop);
      if (typeof times === 'string') return reporter.report(node.id!, `Vòng lặp của ${label}: ${times}`);
      const nested = times * enclosingTimes(node);
      if (nested > max)
        reporter.report(
          node.id!,
          `Vòng lặp của ${label} lặp tới ${nested} lần (kể cả các vòng lặp bao ngoài), vượt giới hạn ${max} lần.`,
        );
    },
  };
};

/** How many times a loop repeats at most, or why that is not known (collections count once: their size is the data's). */
function timesOf(loop: Node): number | string {
  if (is(loop, 'bpmn:StandardLoopCharacteristics')) {
    const maximum = loop.loopMaximum;
    return Number.isInteger(maximum) && (maximum as number) > 0
      ? (maximum as number)
      : 'vòng lặp chuẩn phải có số lần lặp tối đa (loopMaximum) là số nguyên dương.';
  }
  const cardinality = (loop.loopCardinality as Node | undefined)?.body;
  if (cardinality === undefined)
    return loop.collection
      ? 1
      : 'vòng lặp nhiều phiên phải có số lần lặp (loopCardinality) hoặc một danh sách (collection).';
  const text = String(cardinality).trim();
  return /^\d+$/.test(text) && Number(text) > 0
    ? Number(text)
    : `số lần lặp “${text}” phải là một số nguyên dương viết trong sơ đồ.`;
}

function enclosingTimes(node: Node): number {
  let product = 1;
  for (let parent = node.$parent; parent; parent = parent.$parent) {
    const loop = parent.loopCharacteristics as Node | undefined;
    const times = loop ? timesOf(loop) : 1;
    if (typeof times === 'number') product *= times;
  }
  return product;
}

export default boundedLoops;
