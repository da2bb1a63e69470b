import type { Knex } from 'knex';
import { bumpRevision } from '../db/revisions.js';

export interface Unit {
  code: string;
  name: string;
  kind: string;
  level: string;
  parentCode: string | null;
  agencyId: string;
  /** First day in force (YYYY-MM-DD), null when in force since before the system's data begins. */
  validFrom: string | null;
  /** First day no longer in force, null when still in force. */
  validTo: string | null;
  /** The unit also works on Saturday mornings: they count as working time for its dossiers and tasks. */
  saturdayMorning: boolean;
}

export interface UnitLevel {
  code: string;
  rank: number;
  name: string;
}

/**
 * The unit hierarchy held in memory (a city has hundreds of units, not millions): lookups by code,
 * by level and parent, and the ancestor of a unit at a given level.
 */
export class UnitDirectory {
  private byCode = new Map<string, Unit>();
  /** Earlier names of units that continued under a new one, latest last. */
  private history = new Map<string, { validTo: string; name: string }[]>();
  /** Retired unit → the unit that took its dossiers and staff. */
  private heirs = new Map<string, string>();

  constructor(
    units: readonly Unit[],
    private levelList: readonly UnitLevel[],
  ) {
    this.byCode = new Map(units.map((u) => [u.code, u]));
  }

  static async load(knex: Knex): Promise<UnitDirectory> {
    const directory = new UnitDirectory([], []);
    await directory.reload(knex);
    return directory;
  }

  get levels(): readonly UnitLevel[] {
    return this.levelList;
  }

  /** Reads the units again (after a reorganisation), in place so that every holder sees the new map. */
  async reload(knex: Knex): Promise<void> {
    // One query after the other: `knex` may be a transaction, whose single connection takes one query at a time.
    this.levelList = await knex('unit_levels').select('code', 'rank', 'name').orderBy('rank');
    const rows = await knex('units').select('*').orderBy('code');
    const history = await knex('unit_history').select('code', 'valid_to', 'name').orderBy('valid_to');
    const heirs = await knex('unit_successions').where({ is_primary: true }).select('old_code', 'new_code');
    this.byCode = new Map(rows.map((r) => [String(r.code), toUnit(r)]));
    this.history = new Map();
    for (const h of history)
      this.history.set(h.code, [...(this.history.get(h.code) ?? []), { validTo: h.valid_to, name: h.name }]);
    this.heirs = new Map(heirs.map((h) => [String(h.old_code), String(h.new_code)]));
  }

  /** The unit's name on a local date (YYYY-MM-DD): a continuing unit had another name before its reorganisation. */
  nameAt(code: string, date: string): string | undefined {
    return this.history.get(code)?.find((h) => date < h.validTo)?.name ?? this.get(code)?.name;
  }

  /** The unit and every retired unit whose work it holds today. */
  lineage(code: string): string[] {
    return [code, ...[...this.heirs.keys()].filter((c) => c !== code && this.heirOf(c) === code)];
  }

  /** The unit that holds today what `code` held: itself, or its successor's successor… */
  heirOf(code: string): string {
    const seen = new Set<string>();
    let current = code;
    while (this.heirs.has(current) && !seen.has(current)) {
      seen.add(current);
      current = this.heirs.get(current)!;
    }
    return current;
  }

  /** Changes a unit's settings, in the database and here. */
  async update(
    knex: Knex,
    code: string,
    changes: { saturdayMorning?: boolean | undefined; agencyId?: string | undefined },
  ): Promise<Unit | undefined> {
    const unit = this.get(code);
    if (!unit) return undefined;
    const row = {
      ...(changes.saturdayMorning !== undefined ? { saturday_morning: changes.saturdayMorning } : {}),
      ...(changes.agencyId !== undefined ? { agency_id: changes.agencyId } : {}),
    };
    if (Object.keys(row).length) {
      await knex('units').where({ code }).update(row);
      await bumpRevision(knex, 'units');
    }
    const updated = {
      ...unit,
      ...(changes.saturdayMorning !== undefined ? { saturdayMorning: changes.saturdayMorning } : {}),
      ...(changes.agencyId !== undefined ? { agencyId: changes.agencyId } : {}),
    };
    this.byCode.set(code, updated);
    return updated;
  }

  get(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  list(
    filter: { level?: string | undefined; parentCode?: string | undefined; inForceOn?: string | undefined } = {},
  ): Unit[] {
    return [...this.byCode.values()].filter(
      (u) =>
        (filter.level === undefined || u.level === filter.level) &&
        (filter.parentCode === undefined || u.parentCode === filter.parentCode) &&
        (filter.inForceOn === undefined || inForce(u, filter.inForceOn)),
    );
  }

  /** The unit itself or its nearest ancestor at `level`. */
  ancestorAt(code: string, level: string): Unit | undefined {
    for (let unit = this.get(code); unit; unit = unit.parentCode ? this.get(unit.parentCode) : undefined) {
      if (unit.level === level) return unit;
    }
    return undefined;
  }

  /** Whether the unit is in force on a local date (YYYY-MM-DD). */
  isInForce(unit: Unit, date: string): boolean {
    return inForce(unit, date);
  }
}

/** Whether a unit is in force on a local date (YYYY-MM-DD). */
export function inForce(unit: Pick<Unit, 'validFrom' | 'validTo'>, date: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date < unit.validTo);
}

function toUnit(row: Record<string, string | number | boolean | null>): Unit {
  return {
    code: String(row.code),
    name: String(row.name),
    kind: String(row.kind),
    level: String(row.level_code),
    parentCode: (row.parent_code as string | null) ?? null,
    agencyId: String(row.agency_id),
    validFrom: (row.valid_from as string | null) ?? null,
    validTo: (row.valid_to as string | null) ?? null,
    saturdayMorning: Boolean(row.saturday_morning),
  };
}
