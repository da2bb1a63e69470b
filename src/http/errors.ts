import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ProblemExtras } from '../errors.js';
import { describeErrors, type FieldError } from '../validation/messages.js';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  findings?: ProblemExtras['findings'];
}

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa xác thực',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  409: 'Xung đột trạng thái',
  408: 'Hết thời gian chờ',
  413: 'Dữ liệu quá lớn',
  414: 'Địa chỉ quá dài',
  415: 'Kiểu nội dung không được hỗ trợ',
  422: 'Không thực hiện được',
  429: 'Quá nhiều yêu cầu',
  431: 'Tiêu đề yêu cầu quá lớn',
  500: 'Lỗi máy chủ',
};

// Fastify's own 4xx errors, told in Vietnamese.
const FASTIFY_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Kiểu nội dung (Content-Type) không được hỗ trợ; hãy gửi application/json.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung yêu cầu trống, cần một đối tượng JSON.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung yêu cầu không phải JSON hợp lệ.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Nội dung yêu cầu vượt quá dung lượng cho phép.',
  FST_REQ_FILE_TOO_LARGE: 'Tệp tải lên vượt quá dung lượng cho phép.',
  FST_FILES_LIMIT: 'Chỉ được tải lên một tệp mỗi lần.',
  FST_PARTS_LIMIT: 'Biểu mẫu tải lên có quá nhiều phần.',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'Yêu cầu không phải multipart/form-data.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Độ dài nội dung (Content-Length) không khớp với dữ liệu gửi lên.',
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: 'Thiếu mã truy cập (Authorization: Bearer …).',
  FST_ERR_BAD_URL: 'Địa chỉ yêu cầu không hợp lệ.',
  FST_ERR_MAX_PARAM_LENGTH: 'Địa chỉ yêu cầu dài quá mức cho phép.',
};

const PART_DETAILS: Record<string, string> = {
  body: 'Nội dung yêu cầu không hợp lệ.',
  querystring: 'Tham số truy vấn không hợp lệ.',
  params: 'Tham số trên đường dẫn không hợp lệ.',
  headers: 'Tiêu đề yêu cầu không hợp lệ.',
};

function problem(status: number, code: string, detail: string, extras: ProblemExtras = {}): ProblemBody {
  return {
    type: `urn:motcua:${code}`,
    title: TITLES[status] ?? TITLES[status < 500 ? 400 : 500]!,
    status,
    detail,
    code,
    ...extras,
  };
}

function send(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Every error leaves as application/problem+json; a stack trace never leaves the server. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof DomainError) {
      return send(reply, problem(err.status, err.code, err.message, err.details));
    }
    if (err.validation) {
      const part = err.validationContext ?? 'body';
      const errors = describeErrors(err.validation as never);
      return send(reply, problem(400, 'invalid-request', PART_DETAILS[part] ?? PART_DETAILS.body!, { errors }));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail = FASTIFY_DETAILS[err.code] ?? err.message;
      return send(reply, problem(status, (err.code ?? 'bad-request').toLowerCase(), detail));
    }
    request.log.error({ err }, 'unexpected error');
    return send(
      reply,
      problem(
        500,
        'internal-error',
        'Đã xảy ra lỗi ngoài ý muốn ở máy chủ. Vui lòng thử lại sau hoặc liên hệ quản trị hệ thống.',
      ),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, problem(404, 'no-such-route', `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}.`)),
  );
}

/** Errors Fastify meets before routing (a malformed or too long address), as problem+json (Fastify option `frameworkErrors`). */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode ?? 400;
  void send(reply, problem(status, err.code.toLowerCase(), FASTIFY_DETAILS[err.code] ?? 'Yêu cầu không hợp lệ.'));
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers too large, a malformed request line, a
 * client too slow), answered as problem+json on the raw socket (Fastify option `clientErrorHandler`).
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers-too-large', 'Tiêu đề (header) của yêu cầu vượt quá dung lượng cho phép.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request-timeout', 'Yêu cầu gửi quá chậm, máy chủ đã ngừng chờ.']
        : [400, 'malformed-request', 'Yêu cầu HTTP không đúng định dạng.'];
  const body = JSON.stringify(problem(status, code, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${TITLES_EN[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

const TITLES_EN: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};
