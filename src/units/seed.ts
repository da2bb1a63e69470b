import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Knex } from 'knex';
import { fromRoot } from '../project.js';

const LEVELS = [
  { code: 'tinh', rank: 1, name: 'Cấp tỉnh, thành phố' },
  { code: 'huyen', rank: 2, name: 'Cấp huyện (quận, huyện, thị xã)' },
  { code: 'xa', rank: 3, name: 'Cấp xã (phường, xã, thị trấn)' },
];

const KINDS = [
  { code: 'thanh_pho', name: 'Thành phố trực thuộc Trung ương', level_code: 'tinh' },
  { code: 'so', name: 'Sở', level_code: 'tinh' },
  { code: 'co_quan_chuyen_mon', name: 'Cơ quan chuyên môn thuộc UBND thành phố', level_code: 'tinh' },
  { code: 'co_quan_ngang_so', name: 'Cơ quan ngang sở', level_code: 'tinh' },
  { code: 'to_chuc_hanh_chinh_khac', name: 'Tổ chức hành chính khác thuộc UBND thành phố', level_code: 'tinh' },
  { code: 'nganh_doc', name: 'Cơ quan ngành dọc đóng trên địa bàn', level_code: 'tinh' },
  { code: 'chi_nhanh', name: 'Chi nhánh Trung tâm Phục vụ hành chính công', level_code: 'tinh' },
  { code: 'quan', name: 'Quận', level_code: 'huyen' },
  { code: 'huyen', name: 'Huyện', level_code: 'huyen' },
  { code: 'thi_xa', name: 'Thị xã', level_code: 'huyen' },
  { code: 'phuong', name: 'Phường', level_code: 'xa' },
  { code: 'xa', name: 'Xã', level_code: 'xa' },
  { code: 'thi_tran', name: 'Thị trấn', level_code: 'xa' },
];

const LEVEL_BY_NUMBER: Record<string, string> = { '1': 'tinh', '2': 'huyen', '3': 'xa' };

// Departments merged away on 1 March 2025 stop that day; those created by the merger start it.
const REORGANISED_ON = '2025-03-01';

function readCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(fromRoot('src/units/data', name)), { columns: true, skip_empty_lines: true });
}

/** Agency identifier used in dossier codes until the unit's official e-ID is entered (see src/units/README.md). */
export function defaultAgencyId(unitCode: string): string {
  return `H26.${unitCode}`;
}

/**
 * Loads levels, kinds, the 2018 city–district–commune tree, the city's departments and agencies, and the branches of its
 * Public Administrative Service Centre (from 1 July 2025). The 2025 commune map is a reorganisation of this tree
 * (`reorganisation/shipped.ts`).
 */
export async function seedUnits(trx: Knex.Transaction): Promise<number> {
  await trx('unit_levels').insert(LEVELS);
  await trx('unit_kinds').insert(KINDS);
  const territorial = readCsv('units-2018.csv').map((row) => ({
    code: row.code,
    name: row.name,
    kind: row.kind,
    level_code: LEVEL_BY_NUMBER[row.level!],
    parent_code: row.parent_code || null,
    agency_id: defaultAgencyId(row.code!),
    valid_from: null,
    valid_to: null,
  }));
  const departments = readCsv('departments.csv').map((row) => ({
    code: row.code,
    name: row.name,
    kind: row.type,
    level_code: 'tinh',
    parent_code: '01',
    agency_id: defaultAgencyId(row.code!),
    valid_from: row.from_2025_03_01 === 'new' ? REORGANISED_ON : null,
    valid_to: row.from_2025_03_01 === 'merged_into' || row.from_2025_03_01 === 'renamed' ? REORGANISED_ON : null,
  }));
  const branches = readCsv('service-centre-branches.csv').map((row) => ({
    code: row.code,
    name: row.name,
    kind: 'chi_nhanh',
    level_code: 'tinh',
    parent_code: 'TTPVHCC',
    agency_id: defaultAgencyId(row.code!),
    valid_from: row.valid_from || null,
    valid_to: null,
  }));
  const rows: Record<string, string | null | undefined>[] = [...territorial, ...departments, ...branches];
  await trx.batchInsert('units', rows, 200);
  return rows.length;
}
