import type { Knex } from 'knex';
import { isUniqueViolation } from '../db/errors.js';
import { localDate } from '../calendar/index.js';
import { BadRequest, Conflict } from '../errors.js';
import type { UnitDirectory } from '../units/directory.js';
import { isPublishedPassword } from './demo.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { ROLES, seesAllReports, type Actor, type Role } from './policy.js';
import { UnknownUnit } from '../units/errors.js';

export interface User extends Actor {
  fullName: string;
  disabled: boolean;
  /** Whether the on-time reports of every unit are open to this user (the policy's rule, for the pages). */
  seesAllReports: boolean;
}

export interface NewUser {
  username: string;
  password: string;
  fullName: string;
  unitCode?: string | null | undefined;
  roles: readonly string[];
}

const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'citizen');

/** Users, their unit and roles, and password checks. */
export class Users {
  // Compared against when the username is unknown, so a failed login takes as long either way.
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly units: UnitDirectory,
    private readonly clock: () => Date,
    /** Reads outside a transaction (see Database.reads). */
    private readonly reads: Knex = knex,
    /** A demo database (auth/demo.ts): the published passwords are accepted only there. */
    private readonly demo = true,
  ) {}

  async create(input: NewUser, db: Knex = this.knex): Promise<User> {
    return (await this.createAll([input], db))[0]!;
  }

  /** Creates users: passwords are hashed in parallel (the slow part), rows inserted one after another. */
  async createAll(inputs: readonly NewUser[], db: Knex = this.knex): Promise<User[]> {
    if (!this.demo && inputs.some((input) => isPublishedPassword(input.password))) {
      throw new BadRequest(
        'password-published',
        'Mật khẩu này đã được công bố trong tài liệu hướng dẫn, không dùng được trên hệ thống thật.',
        {
          errors: [{ field: '/password', message: 'Chọn mật khẩu khác.' }],
        },
      );
    }
    // A published password protects nothing, so its accounts may share one hash (and salt): a demo database is seeded
    // in one scrypt's time instead of one per account. Every other password gets its own salt.
    const published = new Map<string, Promise<string>>();
    const hash = (password: string) => {
      if (!isPublishedPassword(password)) return hashPassword(password);
      if (!published.has(password)) published.set(password, hashPassword(password));
      return published.get(password)!;
    };
    const rows = await Promise.all(inputs.map((input) => this.newRow(input, hash)));
    const users: User[] = [];
    for (const row of rows) users.push(await this.insert(row, db));
    return users;
  }

  private toUser(row: Record<string, unknown>): User {
    const unitCode = (row.unit_code as string | null) ?? null;
    const actor: Actor = {
      id: Number(row.id),
      username: String(row.username),
      unitCode,
      unitLevel: unitCode ? (this.units.get(unitCode)?.level ?? null) : null,
      roles: JSON.parse(String(row.roles)) as Role[],
    };
    return {
      ...actor,
      fullName: String(row.full_name),
      disabled: Boolean(row.disabled),
      seesAllReports: seesAllReports(actor),
    };
  }

  private async newRow(input: NewUser, hash: (password: string) => Promise<string>) {
    const roles = [...new Set(input.roles)];
    const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length) throw new BadRequest('unknown-role', `Vai trò không hợp lệ: ${unknown.join(', ')}.`);
    const unitCode = input.unitCode ?? null;
    const unit = unitCode === null ? undefined : this.units.get(unitCode);
    if (unitCode !== null && !unit) throw new UnknownUnit(unitCode, 400);
    if (unit && !this.units.isInForce(unit, localDate(this.clock()))) {
      throw new BadRequest('unit-not-in-force', `Đơn vị "${unit.name}" không còn hoạt động; hãy chọn đơn vị kế thừa.`);
    }
    if (unitCode === null && roles.some((r) => STAFF_ROLES.includes(r as Role))) {
      throw new BadRequest('unit-required', 'Cán bộ phải thuộc một đơn vị (unitCode).');
    }
    return {
      username: input.username.trim().toLowerCase(),
      password_hash: await hash(input.password),
      full_name: input.fullName.trim(),
      unit_code: unitCode,
      roles: JSON.stringify(roles),
      disabled: false,
      created_at: this.clock().toISOString(),
    };
  }

  private async insert(row: { username: string } & Record<string, unknown>, db: Knex): Promise<User> {
    const taken = () => new Conflict('username-taken', `Tên đăng nhập "${row.username}" đã được dùng.`);
    if (await db('users').where({ username: row.username }).first('id')) throw taken();
    const [inserted] = await db('users')
      .insert(row)
      .returning('id')
      .catch((err: unknown) => Promise.reject(isUniqueViolation(err) ? taken() : err));
    return (await this.byId((inserted as { id: number }).id, db))!;
  }

  async byId(id: number, db: Knex = this.reads): Promise<User | undefined> {
    const row = await db('users').where({ id }).first();
    return row ? this.toUser(row) : undefined;
  }

  /** The user when the password matches and the account is active. */
  async authenticate(username: string, password: string): Promise<User | undefined> {
    if (!this.demo && isPublishedPassword(password)) return undefined; // never, wherever it came from
    const row = await this.knex('users').where({ username: username.trim().toLowerCase() }).first();
    if (!row) {
      this.decoyHash ??= hashPassword('decoy-password');
      await verifyPassword(password, await this.decoyHash);
      return undefined;
    }
    const user = this.toUser(row);
    const ok = await verifyPassword(password, row.password_hash);
    return ok && !user.disabled ? user : undefined;
  }
}
