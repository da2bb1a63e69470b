import { adoptShippedRevisions } from '../catalogue/shipped-revisions.js';
import { vietnameseDate, vietnameseDateTime } from '../calendar/format.js';
import type { System } from '../system.js';

/** `publish-revisions [--dry-run]`: publishes the shipped revisions of procedures a database does not have yet. */
export async function publishRevisionsCommand(system: System, args: string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--dry-run');
  if (unknown.length) return 2;
  const dryRun = args.includes('--dry-run');
  const adopted = await adoptShippedRevisions(system.db.knex, new Date(), dryRun);
  for (const r of adopted) {
    const version = r.number === null ? 'sẽ là phiên bản mới' : `phiên bản ${r.number}`;
    console.log(
      `${r.procedureCode}: ${version}, hiệu lực từ ${vietnameseDateTime(r.validFrom)} (sửa đổi ngày ${vietnameseDate(r.day)})`,
    );
  }
  console.log(
    adopted.length
      ? `${dryRun ? 'Chạy thử: sẽ công bố' : 'Đã công bố'} ${adopted.length} bản sửa đổi quy trình.`
      : 'Cơ sở dữ liệu đã có mọi bản sửa đổi quy trình đi kèm hệ thống.',
  );
  return 0;
}
