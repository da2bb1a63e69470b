import { parse } from 'csv-parse/sync';
import { Unprocessable } from '../errors.js';
import { inForce, type Unit } from '../units/directory.js';

/** A unit as it will be from the effective date. */
export interface PlannedUnit {
  code: string;
  name: string;
  kind: string;
  level: string;
  parentCode: string | null;
}

/** Why a retiring unit's dossiers go to the successor they go to. */
export type SuccessorRule =
  'marked' | 'only' | 'whole-population' | 'same-name' | 'first-listed' | 'most-units' | 'inferred-from-parent';

export interface RetiringUnit {
  code: string;
  name: string;
  /** Every unit that takes over part of it. */
  successors: string[];
  /** The one that takes its dossiers, open tasks and staff. */
  primary: string;
  rule: SuccessorRule;
}

export interface Succession {
  oldCode: string;
  newCode: string;
  kind: 'full' | 'partial';
}

/** Everything a reorganisation changes, computed once when it is loaded and stored with it. */
export interface ReorganisationPlan {
  name: string;
  effectiveDate: string;
  abolishedLevels: string[];
  created: PlannedUnit[];
  /** Units that keep their code under a new name, kind or parent (GSO keeps one constituent's code for the new unit). */
  continuing: (PlannedUnit & { before: PlannedUnit })[];
  retiring: RetiringUnit[];
  successions: Succession[];
}

export interface ReorganisationInput {
  name: string;
  effectiveDate: string;
  /** CSV `code,name,kind`: the units in force from the date. */
  unitsCsv: string;
  /** CSV `new_code,old_code,merge_type` (`full`|`partial`), optional `merge_note` and `primary` (`yes` marks the successor). */
  mergesCsv: string;
  /** Levels abolished on the date (e.g. `huyen` in 2025): every unit at them retires. */
  abolishLevels: string[];
  /** The units file lists every unit of its levels: units of those levels it does not list retire. */
  complete: boolean;
}

interface MergeRow {
  line: number;
  newCode: string;
  oldCode: string;
  kind: 'full' | 'partial';
  note: string;
  primary: boolean;
}

/** Reads and checks a reorganisation against the units in force the day before it; throws 422 listing every problem. */
export function planReorganisation(
  input: ReorganisationInput,
  units: readonly Unit[],
  kindLevels: ReadonlyMap<string, string>,
): ReorganisationPlan {
  const problems: string[] = [];
  const dayBefore = new Date(Date.parse(`${input.effectiveDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const byCode = new Map(units.filter((u) => inForce(u, dayBefore)).map((u) => [u.code, u]));
  const newRows = readNewUnits(input.unitsCsv, kindLevels, problems);
  const merges = readMerges(input.mergesCsv, problems);
  const newCodes = new Set(newRows.map((u) => u.code));
  for (const m of merges) {
    if (!newCodes.has(m.newCode))
      problems.push(`Tệp sáp nhập, dòng ${m.line}: đơn vị mới ${m.newCode} không có trong danh sách đơn vị mới.`);
    if (!byCode.has(m.oldCode))
      problems.push(
        `Tệp sáp nhập, dòng ${m.line}: đơn vị cũ ${m.oldCode} không có hoặc không còn hiệu lực ngày ${dayBefore}.`,
      );
  }
  const newLevels = new Set(newRows.map((u) => u.level));
  const retiringCodes = new Set(
    [...byCode.values()]
      .filter((u) => !newCodes.has(u.code))
      .filter(
        (u) =>
          input.abolishLevels.includes(u.level) ||
          merges.some((m) => m.oldCode === u.code) ||
          (input.complete && newLevels.has(u.level)),
      )
      .map((u) => u.code),
  );
  const parentAfter = (code: string | null): string | null =>
    code && retiringCodes.has(code) ? parentAfter(byCode.get(code)?.parentCode ?? null) : code;
  const plannedParent = (code: string) =>
    parentAfter(
      byCode.get(code)?.parentCode ??
        byCode.get(merges.find((m) => m.newCode === code)?.oldCode ?? '')?.parentCode ??
        null,
    );
  const planned = newRows.map((u) => ({ ...u, parentCode: plannedParent(u.code) }));

  for (const code of retiringCodes) {
    const unit = byCode.get(code)!;
    if (unit.validTo)
      problems.push(
        `Đơn vị ${unit.code} ${unit.name} đã có phương án sắp xếp khác, thôi hoạt động từ ${unit.validTo}.`,
      );
  }
  const retiring = chooseSuccessors(
    [...retiringCodes].map((c) => byCode.get(c)!),
    merges,
    planned,
    byCode,
    input.abolishLevels,
    problems,
  );
  if (problems.length)
    throw new Unprocessable('reorganisation-invalid', `Không nạp được phương án sắp xếp: ${problems.length} lỗi.`, {
      errors: problems.map((message) => ({ field: '', message })),
    });
  const planUnit = (u: Unit): PlannedUnit => ({
    code: u.code,
    name: u.name,
    kind: u.kind,
    level: u.level,
    parentCode: u.parentCode,
  });
  return {
    name: input.name,
    effectiveDate: input.effectiveDate,
    abolishedLevels: input.abolishLevels,
    created: planned.filter((u) => !byCode.has(u.code)),
    continuing: planned.filter((u) => byCode.has(u.code)).map((u) => ({ ...u, before: planUnit(byCode.get(u.code)!) })),
    retiring,
    successions: merges
      .filter((m) => m.newCode !== m.oldCode)
      .map(({ oldCode, newCode, kind }) => ({ oldCode, newCode, kind })),
  };
}

function chooseSuccessors(
  retiring: Unit[],
  merges: MergeRow[],
  planned: PlannedUnit[],
  byCode: ReadonlyMap<string, Unit>,
  abolishLevels: string[],
  problems: string[],
): RetiringUnit[] {
  const nameOf = new Map(planned.map((u) => [u.code, u.name]));
  const chosen = new Map<string, RetiringUnit>();
  const choose = (unit: Unit, successors: string[], primary: string | undefined, rule: SuccessorRule) => {
    if (primary)
      chosen.set(unit.code, { code: unit.code, name: unit.name, successors: [...new Set(successors)], primary, rule });
  };
  // Merged units first, then abolished levels (whose successors follow from their children), then the rest.
  for (const unit of retiring) {
    const rows = merges.filter((m) => m.oldCode === unit.code);
    if (rows.length)
      choose(
        unit,
        rows.map((r) => r.newCode),
        ...primaryOfMerged(unit, rows, nameOf),
      );
  }
  for (const unit of retiring.filter((u) => !chosen.has(u.code) && abolishLevels.includes(u.level))) {
    const children = [...byCode.values()].filter((u) => u.parentCode === unit.code);
    const heirs = children
      .map((c) => chosen.get(c.code)?.primary ?? (nameOf.has(c.code) ? c.code : null))
      .filter((c): c is string => c !== null);
    choose(unit, heirs, ...primaryOfAbolished(unit, heirs, nameOf));
  }
  for (const unit of retiring.filter((u) => !chosen.has(u.code))) {
    const parent = unit.parentCode ? chosen.get(unit.parentCode) : undefined;
    if (parent) choose(unit, [parent.primary], parent.primary, 'inferred-from-parent');
    else
      problems.push(
        `Đơn vị ${unit.code} ${unit.name} thôi hoạt động nhưng không có đơn vị kế thừa trong tệp sáp nhập.`,
      );
  }
  return retiring.filter((u) => chosen.has(u.code)).map((u) => chosen.get(u.code)!);
}

function primaryOfMerged(
  unit: Unit,
  rows: MergeRow[],
  nameOf: ReadonlyMap<string, string>,
): [string | undefined, SuccessorRule] {
  const marked = rows.find((r) => r.primary);
  if (marked) return [marked.newCode, 'marked'];
  const targets = [...new Set(rows.map((r) => r.newCode))];
  if (targets.length === 1) return [targets[0], 'only'];
  const wholePopulation = rows.filter((r) => /toàn bộ dân số/i.test(r.note.normalize('NFC')));
  if (wholePopulation.length === 1) return [wholePopulation[0]!.newCode, 'whole-population'];
  const sameName = targets.find((c) => bareName(nameOf.get(c) ?? '') === bareName(unit.name));
  if (sameName) return [sameName, 'same-name'];
  return [targets[0], 'first-listed'];
}

function primaryOfAbolished(
  unit: Unit,
  heirs: string[],
  nameOf: ReadonlyMap<string, string>,
): [string | undefined, SuccessorRule] {
  const sameName = heirs.find((c) => bareName(nameOf.get(c) ?? '') === bareName(unit.name));
  if (sameName) return [sameName, 'same-name'];
  const counts = new Map<string, number>();
  for (const heir of heirs) counts.set(heir, (counts.get(heir) ?? 0) + 1);
  const [best] = [...counts].sort(([a, n], [b, m]) => m - n || a.localeCompare(b));
  return [best?.[0], 'most-units'];
}

// Old-style tone placement (GSO writes both "Hoà" and "Hòa", "Thuỵ" and "Thụy"): the mark moves to the main vowel.
/** A unit's name without its kind ("Phường", "Quận"…), in one case and one tone-mark placement ("Hoà" = "Hòa"). */
export function bareName(name: string): string {
  let bare = name.normalize('NFC').toLowerCase().trim();
  bare = bare.replace(/^(phường|xã|thị trấn|quận|huyện|thị xã|thành phố)\s+/u, '');
  return bare
    .replace(/o([àáảãạ])/gu, (_, v: string) => `${'òóỏõọ'['àáảãạ'.indexOf(v)]}a`)
    .replace(/o([èéẻẽẹ])/gu, (_, v: string) => `${'òóỏõọ'['èéẻẽẹ'.indexOf(v)]}e`)
    .replace(/u([ỳýỷỹỵ])/gu, (_, v: string) => `${'ùúủũụ'['ỳýỷỹỵ'.indexOf(v)]}y`);
}

function readCsv(text: string, file: string, required: string[], problems: string[]): Record<string, string>[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    problems.push(`${file}: không đọc được CSV (${(err as Error).message.split('\n')[0]}).`);
    return [];
  }
  const missing = required.filter((c) => rows.length && !(c in rows[0]!));
  if (!rows.length) problems.push(`${file}: không có dòng dữ liệu nào.`);
  if (missing.length) problems.push(`${file}: thiếu cột ${missing.join(', ')}.`);
  return missing.length ? [] : rows;
}

function readNewUnits(
  text: string,
  kindLevels: ReadonlyMap<string, string>,
  problems: string[],
): Omit<PlannedUnit, 'parentCode'>[] {
  return readCsv(text, 'Tệp đơn vị mới', ['code', 'name', 'kind'], problems).flatMap((row, i) => {
    const level = kindLevels.get(row.kind!);
    if (!level) problems.push(`Tệp đơn vị mới, dòng ${i + 2}: loại đơn vị "${row.kind}" không có trong danh mục.`);
    return level && row.code && row.name
      ? [{ code: row.code, name: row.name.normalize('NFC'), kind: row.kind!, level }]
      : [];
  });
}

function readMerges(text: string, problems: string[]): MergeRow[] {
  return readCsv(text, 'Tệp sáp nhập', ['new_code', 'old_code', 'merge_type'], problems).flatMap((row, i) => {
    const line = i + 2;
    if (row.merge_type !== 'full' && row.merge_type !== 'partial') {
      problems.push(`Tệp sáp nhập, dòng ${line}: merge_type phải là "full" hoặc "partial".`);
      return [];
    }
    return [
      {
        line,
        newCode: row.new_code!,
        oldCode: row.old_code!,
        kind: row.merge_type,
        note: row.merge_note ?? '',
        primary: /^(yes|true|1|x)$/i.test(row.primary ?? ''),
      },
    ];
  });
}
