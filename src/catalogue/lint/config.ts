import { EXPRESSION_HELPERS, SERVICE_TASKS } from '../../engine/services.js';

/**
 * The one rule configuration of the project: bpmnlint's recommended rules and the city's rules, with their severities.
 * Errors block submission and publication; warnings are shown and do not. Per-procedure settings (the legal time
 * limit) are added when a diagram is checked.
 */
export const LINT_CONFIG = {
  extends: ['bpmnlint:recommended'],
  rules: {
    // Our diagrams join branches on a task ("fake join") on purpose, e.g. several paths to the result desk.
    'fake-join': 'warn',
    'motcua/executable-process': 'error',
    'motcua/human-task-attributes': ['error', { roles: ['officer', 'leader'], levels: ['xa', 'huyen', 'tinh'] }],
    'motcua/budget-within-limit': 'error',
    'motcua/no-script': 'error',
    'motcua/service-implementation': ['error', { services: [...SERVICE_TASKS] }],
    'motcua/supported-conditions': ['error', { helpers: [...EXPRESSION_HELPERS] }],
    'motcua/supported-elements': 'error',
    // Uploaded diagrams never run code and never run without end: every expression in the city's grammar, every loop
    // bounded, every cycle through a waiting step, every timer readable.
    'motcua/expressions': 'error',
    'motcua/bounded-loops': ['error', { max: 100 }],
    'motcua/loops-wait': 'error',
    'motcua/timer-definitions': 'error',
  },
} as const;

/** Vietnamese messages for bpmnlint's own rules (their English text is kept beside). */
export const BPMNLINT_MESSAGES: Record<string, string> = {
  'ad-hoc-sub-process': 'Tiểu quy trình ad-hoc được mô hình chưa đúng.',
  'conditional-flows': 'Các luồng ra khỏi cổng rẽ nhánh phải có điều kiện hoặc là luồng mặc định.',
  'end-event-required': 'Quy trình phải có sự kiện kết thúc.',
  'event-based-gateway': 'Cổng theo sự kiện được mô hình chưa đúng.',
  'event-sub-process-typed-start-event': 'Tiểu quy trình sự kiện phải bắt đầu bằng sự kiện có loại.',
  'fake-join': 'Nhiều luồng đi thẳng vào một bước; nên gộp bằng một cổng.',
  global: 'Phần tử dùng chung (thông điệp, tín hiệu, lỗi…) bị trùng hoặc không được dùng.',
  'label-required': 'Phần tử cần có tên.',
  'link-event': 'Sự kiện liên kết chưa được ghép cặp đúng.',
  'no-bpmndi': 'Phần tử không có thông tin hình vẽ (BPMN DI): sơ đồ không hiển thị được.',
  'no-complex-gateway': 'Không dùng cổng phức hợp.',
  'no-disconnected': 'Phần tử không nối với phần còn lại của quy trình.',
  'no-duplicate-sequence-flows': 'Có hai luồng trùng nhau giữa cùng hai phần tử.',
  'no-gateway-join-fork': 'Một cổng không nên vừa gộp vừa tách nhánh.',
  'no-implicit-split': 'Bước có nhiều luồng ra không điều kiện; hãy tách nhánh bằng một cổng.',
  'no-implicit-end': 'Phần tử không có luồng ra; quy trình phải kết thúc bằng sự kiện kết thúc.',
  'no-implicit-start': 'Phần tử không có luồng vào; quy trình phải bắt đầu bằng sự kiện bắt đầu.',
  'no-inclusive-gateway': 'Hạn chế dùng cổng bao hàm (inclusive).',
  'no-overlapping-elements': 'Các phần tử chồng lên nhau trên sơ đồ.',
  'single-blank-start-event': 'Quy trình chỉ được có một sự kiện bắt đầu không loại.',
  'single-event-definition': 'Mỗi sự kiện chỉ được có một định nghĩa.',
  'start-event-required': 'Quy trình phải có sự kiện bắt đầu.',
  'sub-process-blank-start-event': 'Tiểu quy trình phải bắt đầu bằng sự kiện bắt đầu không loại.',
  'superfluous-gateway': 'Cổng thừa: chỉ có một luồng vào và một luồng ra.',
  'superfluous-label': 'Nhãn thừa trên luồng không có điều kiện.',
  'superfluous-termination': 'Sự kiện kết thúc loại terminate là thừa.',
};
