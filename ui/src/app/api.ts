import { clearSession, currentSession } from './session';

/** A problem+json answer of the server: `detail` is the sentence to show the user (Vietnamese). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly errors: { field: string; message: string }[] = [],
    readonly findings: Finding[] = [],
  ) {
    super(detail);
  }
}

export interface Finding {
  rule: string;
  elementId: string | null;
  message: string;
  messageEn?: string;
  severity: 'error' | 'warning' | 'info';
}

type Body = { json: unknown } | { xml: string } | { form: FormData };

/** Calls the API with the session's token; throws ApiError with the server's message on any 4xx/5xx. */
export async function api<T>(path: string, options: { method?: string; body?: Body } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  const token = currentSession()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body && 'json' in options.body) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body.json);
  } else if (options.body && 'xml' in options.body) {
    headers['content-type'] = 'application/xml';
    body = options.body.xml;
  } else if (options.body) {
    body = options.body.form;
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  if (response.status === 401 && token) clearSession();
  const type = response.headers.get('content-type') ?? '';
  const payload: unknown = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw toError(response.status, payload);
  return payload as T;
}

function toError(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object' && 'detail' in payload) {
    const p = payload as { detail: string; code?: string; errors?: ApiError['errors']; findings?: Finding[] };
    return new ApiError(status, p.code ?? 'error', p.detail, p.errors, p.findings);
  }
  return new ApiError(status, 'error', `Máy chủ trả lời lỗi ${status}.`);
}
