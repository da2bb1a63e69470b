import { layoutProcess } from 'bpmn-auto-layout';
import type { Finding } from './validation.js';

const HAS_DRAWING = /<([\w-]+:)?BPMNDiagram[\s>]/;

export const DRAWN_FINDING: Finding = {
  rule: 'motcua/auto-layout',
  elementId: null,
  message: 'Sơ đồ tải lên chưa có hình vẽ (BPMN DI); hệ thống đã tự dàn trang để mở được trong trình soạn thảo.',
  messageEn: 'The uploaded diagram had no BPMN DI; it was laid out automatically so that the editor can open it.',
  severity: 'info',
};

/**
 * A diagram without a drawing (hand-written, or from a tool that exports the semantics only) cannot be opened in the
 * editor; bpmn-io's auto-layout draws it. Diagrams it cannot draw stay as they are, and the linter says why.
 */
export async function drawIfUndrawn(xml: string): Promise<{ xml: string; drawn: boolean }> {
  if (HAS_DRAWING.test(xml)) return { xml, drawn: false };
  try {
    return { xml: await layoutProcess(xml), drawn: true };
  } catch {
    return { xml, drawn: false };
  }
}
