import type { Knex } from 'knex';

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
  private readonly byCode: Map<string, Unit>;

  constructor(
    units: readonly Unit[],
    readonly levels: readonly UnitLevel[],
  ) {
    this.byCode = new Map(units.map((u) => [u.code, u]));
  }

  static async load(knex: Knex): Promise<UnitDirectory> {
    // One query after the other: `knex` may be a transaction, whose single connection takes one query at a time.
    const rows = await knex('units').select('*').orderBy('code');
    const levels = await knex('unit_levels').select('code', 'rank', 'name').orderBy('rank');
    return new UnitDirectory(rows.map(toUnit), levels);
  }

  get(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  list(filter: { level?: string | undefined; parentCode?: string | undefined } = {}): Unit[] {
    return [...this.byCode.values()].filter(
      (u) =>
        (filter.level === undefined || u.level === filter.level) &&
        (filter.parentCode === undefined || u.parentCode === filter.parentCode),
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
    return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date < unit.validTo);
  }
}

function toUnit(row: Record<string, string | null>): Unit {
  return {
    code: row.code!,
    name: row.name!,
    kind: row.kind!,
    level: row.level_code!,
    parentCode: row.parent_code ?? null,
    agencyId: row.agency_id!,
    validFrom: row.valid_from ?? null,
    validTo: row.valid_to ?? null,
  };
}
