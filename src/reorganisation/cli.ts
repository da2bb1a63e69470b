import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ReorganisationReport } from './reorganisations.js';
import type { System } from '../system.js';
import { progressBar } from '../cli/verify.js';

/**
 * `reorganise --units FILE --merges FILE --effective YYYY-MM-DD [--name TEXT] [--abolish-level L]… [--complete] [--dry-run]`:
 * loads a unit reorganisation (README "Unit reorganisations"); run again after an interruption to finish it.
 */
export async function reorganiseCommand(system: System, args: string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args,
      options: {
        units: { type: 'string' },
        merges: { type: 'string' },
        effective: { type: 'string' },
        name: { type: 'string' },
        'abolish-level': { type: 'string', multiple: true },
        complete: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    }).values;
  } catch {
    return 2;
  }
  if (!options.units || !options.merges || !options.effective || !/^\d{4}-\d{2}-\d{2}$/.test(options.effective))
    return 2;
  const bar = progressBar('Bàn giao hồ sơ |{bar}| {value}/{total} hồ sơ');
  let started = false;
  const report = await system.reorganisations.load(
    null,
    {
      name: options.name ?? `Sắp xếp đơn vị hành chính từ ${options.effective}`,
      effectiveDate: options.effective,
      unitsCsv: readFileSync(options.units, 'utf8'),
      mergesCsv: readFileSync(options.merges, 'utf8'),
      abolishLevels: options['abolish-level'] ?? [],
      complete: options.complete,
      dryRun: options['dry-run'],
    },
    (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  );
  if (started) bar.stop();
  for (const line of describe(report)) console.log(line);
  return 0;
}

const RULES: Record<string, string> = {
  marked: 'đánh dấu trong tệp',
  only: 'đơn vị duy nhất nhận',
  'whole-population': 'nhận toàn bộ dân số',
  'same-name': 'trùng tên',
  'first-listed': 'đơn vị đầu tiên trong tệp',
  'most-units': 'nhận nhiều đơn vị cấp dưới nhất',
  'inferred-from-parent': 'suy ra từ đơn vị cấp trên (không có trong tệp sáp nhập)',
};

function describe(report: ReorganisationReport): string[] {
  const guessed = report.retiring.filter((u) => u.rule !== 'only' && u.rule !== 'marked');
  const status = {
    'dry-run': 'chạy thử, chưa thay đổi gì (dry run)',
    scheduled: 'đã nạp, chờ ngày hiệu lực (scheduled)',
    'units-applied': 'đang áp dụng',
    applied: 'đã áp dụng (applied)',
  }[report.status];
  return [
    `${report.name} — hiệu lực ${report.effectiveDate}: ${status}`,
    `  ${report.continuing.length} đơn vị giữ mã, đổi tên; ${report.created} đơn vị mã mới; ${report.retiring.length} đơn vị thôi hoạt động.`,
    report.status === 'applied'
      ? '  Mọi hồ sơ đang xử lý và cán bộ của đơn vị thôi hoạt động đã được bàn giao.'
      : `  Sẽ bàn giao ${report.dossiers} hồ sơ đang xử lý và chuyển ${report.staff} cán bộ.`,
    ...(guessed.length
      ? [`  Đơn vị kế thừa chính được chọn theo quy tắc (kiểm tra; ghi primary=yes trong tệp sáp nhập để chỉ định):`]
      : []),
    ...guessed.map((u) => `    ${u.code} ${u.name} → ${u.primary} (${RULES[u.rule]})`),
  ];
}
