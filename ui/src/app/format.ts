/** Dates as Vietnamese offices write them (dd/mm/yyyy, 24-hour clock, Hà Nội time), whatever the language. */

const ZONE = 'Asia/Ho_Chi_Minh';
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Hà Nội as the API writes a local day, `YYYY-MM-DD`. */
export function todayInHanoi(): string {
  return day.format(new Date());
}

function pieces(iso: string): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** 28/11/2026 14:30 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const p = pieces(iso);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 28/11/2026 (from an instant or a plain `YYYY-MM-DD` date) */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  const p = pieces(value);
  return `${p.day}/${p.month}/${p.year}`;
}

/** Working minutes as working days and hours (8-hour days): "2 ngày 3 giờ" / "2 d 3 h". */
export function formatWorkingMinutes(minutes: number | null | undefined, lang: 'vi' | 'en'): string {
  if (minutes === null || minutes === undefined) return '—';
  const sign = minutes < 0 ? '−' : '';
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / 480);
  const hours = Math.floor((total % 480) / 60);
  const mins = total % 60;
  const [d, h, m] = lang === 'vi' ? ['ngày', 'giờ', 'phút'] : ['d', 'h', 'min'];
  const out = [days ? `${days} ${d}` : '', hours ? `${hours} ${h}` : '', !days && mins ? `${mins} ${m}` : ''].filter(
    Boolean,
  );
  return sign + (out.join(' ') || `0 ${m}`);
}
