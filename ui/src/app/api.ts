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
  const response = await send(path, options);
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/** A file from the API (PDF, CSV, audit bundle) exactly as the server sent it. */
export async function apiFile(path: string): Promise<Blob> {
  return (await send(path, {})).blob();
}

/** Saves a Blob under a file name through the browser's download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * POSTs a multipart form with XMLHttpRequest rather than fetch, for the upload's progress (0 to 1); answers and fails
 * as `api` does.
 */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  const token = currentSession()?.token;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) return resolve(payload as T);
      if (xhr.status === 401 && token) clearSession();
      reject(toError(xhr.status, payload));
    };
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function networkError(): ApiError {
  return new ApiError(0, 'network', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
}

async function send(path: string, options: { method?: string; body?: Body }): Promise<Response> {
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
    throw networkError();
  }
  if (response.status === 401 && token) clearSession();
  if (!response.ok) {
    const type = response.headers.get('content-type') ?? '';
    throw toError(response.status, type.includes('json') ? await response.json() : await response.text());
  }
  return response;
}

function toError(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object' && 'detail' in payload) {
    const p = payload as { detail: string; code?: string; errors?: ApiError['errors']; findings?: Finding[] };
    return new ApiError(status, p.code ?? 'error', p.detail, p.errors, p.findings);
  }
  return new ApiError(status, 'error', `Máy chủ trả lời lỗi ${status}.`);
}
