import { t } from './messages';

const TONE: Record<number, string> = { 3: 'bad', 5: 'warn', 6: 'warn', 7: 'bad', 8: 'warn', 9: 'ok', 10: 'ok' };

/** The national status code and its label. */
export function StatusBadge({ code }: { code: number }) {
  return (
    <span class={`badge status ${TONE[code] ?? ''}`} data-status={code}>
      {code} · {statusText(code)}
    </span>
  );
}

export function statusText(code: number): string {
  return code >= 1 && code <= 10 ? t(`status_${code}` as Parameters<typeof t>[0]) : String(code);
}
