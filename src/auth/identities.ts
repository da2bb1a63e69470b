import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { VerifiedIdentity } from './oidc.js';
import { SignInRefused } from './oidc.js';
import type { User, Users } from './users.js';

/** What the portal prefills from a citizen's identity: OpenID Connect's standard claims and the ID number claim. */
export interface IdentityProfile {
  fullName: string | null;
  idNumber: string;
  birthDate: string | null;
  address: string | null;
}

/**
 * Which account an identity signs in as. A citizen's is found by the identity (the personal ID number) and created on
 * the first sign-in; an officer's must already exist (roles and unit are the administrator's decision): the claim names
 * the account, and an identity that names none is refused.
 */
export class Identities {
  constructor(
    private readonly knex: Knex,
    private readonly users: Users,
    private readonly clock: () => Date,
  ) {}

  async accountFor(identity: VerifiedIdentity): Promise<User> {
    const linked = await this.knex('user_identities')
      .where({ provider: identity.provider, subject: identity.subject })
      .first('user_id');
    const user = linked
      ? await this.users.byId(Number(linked.user_id), this.knex)
      : identity.provider === 'citizen'
        ? await this.newCitizen(identity)
        : await this.officerNamed(identity.subject);
    if (!user || user.disabled) throw new SignInRefused('account-disabled', 'Tài khoản này đã bị khóa.');
    const row = { claims: JSON.stringify(identity.claims), updated_at: this.clock().toISOString() };
    await this.knex('user_identities')
      .insert({ provider: identity.provider, subject: identity.subject, user_id: user.id, ...row })
      .onConflict(['provider', 'subject'])
      .merge(row);
    return user;
  }

  /** The citizen's profile from their last sign-in with the national identity, or null. */
  async profile(userId: number): Promise<IdentityProfile | null> {
    const row = await this.knex('user_identities').where({ user_id: userId, provider: 'citizen' }).first();
    if (!row) return null;
    const claims = JSON.parse(row.claims) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    const address = claims.address as { formatted?: unknown } | string | undefined;
    return {
      fullName: text(claims.name),
      idNumber: String(row.subject),
      birthDate: text(claims.birthdate),
      address: text(typeof address === 'object' ? address?.formatted : address),
    };
  }

  private async newCitizen(identity: VerifiedIdentity): Promise<User> {
    const name = typeof identity.claims.name === 'string' ? identity.claims.name : identity.subject;
    return this.users.create({
      username: `vneid.${createHash('sha256').update(identity.subject).digest('hex').slice(0, 24)}`,
      // Never typed by anyone: the account signs in through its identity only.
      password: randomBytes(32).toString('base64url'),
      fullName: name.slice(0, 200),
      unitCode: null,
      roles: ['citizen'],
    });
  }

  private async officerNamed(account: string): Promise<User> {
    const row = await this.knex('users').where({ username: account.trim().toLowerCase() }).first('id');
    const user = row ? await this.users.byId(Number(row.id), this.knex) : undefined;
    if (!user || user.roles.every((r) => r === 'citizen')) {
      throw new SignInRefused(
        'oidc-no-account',
        `Tài khoản công vụ “${account}” chưa được cấp trên hệ thống; đề nghị quản trị viên tạo tài khoản trước khi đăng nhập.`,
      );
    }
    return user;
  }
}
