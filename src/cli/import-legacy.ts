import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '../errors.js';
import type { ImportReport, LegacyImportInput } from '../imports/legacy.js';
import type { System } from '../system.js';
import { statusLabel } from '../vocabulary/statuses.js';
import { progressBar } from './verify.js';

/**
 * `import-legacy FILE --unit CODE --mapping MAP.json [--dry-run]`: imports a unit's dossiers exported from its former
 * one-stop application. Exit 0 when every row is imported (or was before), 1 when some cannot be or the files are
 * refused, 2 on wrong usage.
 */
export async function importLegacyCommand(system: System, args: string[]): Promise<number> {
  const parsed = options(args);
  if (!parsed) return 2;
  const input = readInput(parsed);
  if (typeof input === 'string') return fail(input);
  const bar = progressBar(`${parsed.dryRun ? 'Kiểm tra' : 'Nhập'} hồ sơ |{bar}| {value}/{total} dòng`);
  try {
    const report = await system.imports.legacy.run(null, input, (done, total) =>
      done === 0 ? bar.start(total, 0) : bar.update(done),
    );
    bar.stop();
    for (const line of describe(report)) console.log(line);
    return report.cannot.length ? 1 : 0;
  } catch (err) {
    bar.stop();
    if (!(err instanceof DomainError)) throw err;
    return fail(
      err.message,
      (err.details?.errors ?? []).map((e) => `  ${e.field}: ${e.message}`),
    );
  }
}

/** The export and the mapping as the importer takes them, or why they cannot be read. */
function readInput({ file, unit, mapping, dryRun }: Options): LegacyImportInput | string {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    return `không đọc được tệp ${file}: ${(err as Error).message}`;
  }
  try {
    return {
      fileName: basename(file),
      content,
      format: formatOf(file),
      mapping: JSON.parse(readFileSync(mapping, 'utf8')),
      unitCode: unit,
      dryRun,
    };
  } catch (err) {
    return `không đọc được bảng ánh xạ ${mapping}: ${(err as Error).message}`;
  }
}

function fail(reason: string, details: string[] = []): number {
  for (const line of [`Không nhập được: ${reason}`, ...details]) console.error(line);
  return 1;
}

interface Options {
  file: string;
  unit: string;
  mapping: string;
  dryRun: boolean;
}

function options(args: string[]): Options | null {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        unit: { type: 'string' },
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
    const [file, ...extra] = positionals;
    if (!file || extra.length || !values.unit || !values.mapping) return null;
    return { file, unit: values.unit, mapping: values.mapping, dryRun: values['dry-run'] ?? false };
  } catch {
    return null; // an unknown option
  }
}

function formatOf(file: string): 'csv' | 'json' | undefined {
  const extension = extname(file).toLowerCase();
  return extension === '.csv' ? 'csv' : extension === '.json' ? 'json' : undefined;
}

/** The report in lines: what is (or would be) imported, what was before, every row that cannot be and why. */
function describe(report: ImportReport): string[] {
  const verb = report.dryRun ? 'Sẽ nhập' : 'Đã nhập';
  return [
    ...report.imported.map(
      (d) =>
        `${verb} dòng ${d.row}: ${d.code} — thủ tục ${d.procedureCode}, ${statusLabel(d.statusCode)}${d.activityId ? `, chờ xử lý tại bước ${d.activityId}` : ''}`,
    ),
    ...report.alreadyImported.map((d) => `Đã có từ lần nhập trước, dòng ${d.row}: ${d.code}`),
    ...report.cannot.map((d) => `Không nhập được — ${d.reason}`),
    `${report.file}: ${report.rows} dòng; ${report.dryRun ? 'sẽ nhập' : 'đã nhập'} ${report.imported.length} hồ sơ, ${report.alreadyImported.length} đã nhập từ trước, ` +
      `${report.cannot.length} dòng không nhập được${report.dryRun ? ' (chạy thử, không thay đổi dữ liệu — dry run, nothing changed)' : ''}.`,
  ];
}
