import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import * as client from 'openid-client';
import { BadRequest, DomainError } from '../errors.js';

/** The two identity providers: the national one for citizens (VNeID), the city's single sign-on for officers. */
export const IDENTITY_PROVIDERS = ['citizen', 'staff'] as const;
export type IdentityProviderId = (typeof IDENTITY_PROVIDERS)[number];

/** One provider as the environment configures it (README "Configuration"). */
export interface IdentityProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** The ID token's claim that identifies the person: the personal ID number (citizens), the account (officers). */
  claim: string;
}

/** What a provider said about the person, once its ID token was checked. */
export interface VerifiedIdentity {
  provider: IdentityProviderId;
  subject: string;
  claims: Record<string, unknown>;
}

/** A sign-in under way expires after ten minutes. */
const LOGIN_TTL_MS = 10 * 60_000;
/** Every call to a provider is bounded. */
const PROVIDER_TIMEOUT_S = 10;

/** Refused sign-ins: a clear message, no session. */
export class SignInRefused extends DomainError {
  constructor(code: string, message: string) {
    super(401, code, message);
  }
}

/**
 * Sign-in with OpenID Connect through `openid-client`: the authorization-code flow with PKCE, state and nonce; the ID
 * token checked (signature from the issuer's keys, issuer, audience, expiry, nonce). What a sign-in under way needs is
 * stored, so any node may receive the provider's answer.
 */
export class IdentityProviders {
  private readonly discovered = new Map<IdentityProviderId, Promise<client.Configuration>>();

  constructor(
    private readonly knex: Knex,
    private readonly configs: Partial<Record<IdentityProviderId, IdentityProviderConfig>>,
    private readonly clock: () => Date,
    /** The public address the providers send the browser back to; null: the request's own. */
    private readonly redirectBase?: string | undefined,
  ) {}

  /** The callback address of a provider: under the public address when configured, else the request's origin. */
  callbackUri(provider: IdentityProviderId, requestOrigin: string): string {
    return new URL(`/api/auth/oidc/${provider}/callback`, this.redirectBase ?? requestOrigin).toString();
  }

  /** The providers configured here. */
  get configured(): IdentityProviderId[] {
    return IDENTITY_PROVIDERS.filter((id) => this.configs[id]);
  }

  /** Starts a sign-in: the provider's authorization address to send the browser to. */
  async start(provider: IdentityProviderId, redirectUri: string): Promise<string> {
    const config = await this.configuration(provider);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const now = this.clock();
    await this.knex('oidc_logins')
      .where('created_at', '<', new Date(now.getTime() - LOGIN_TTL_MS).toISOString())
      .del();
    await this.knex('oidc_logins').insert({
      state,
      provider,
      nonce,
      code_verifier: verifier,
      redirect_uri: redirectUri,
      created_at: now.toISOString(),
    });
    return client
      .buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: this.configs[provider]!.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString();
  }

  /**
   * The provider's answer at the callback address: the state must be one this system started (once, in time), the code
   * is exchanged with the PKCE verifier, and the ID token must carry the nonce. Returns the sign-in's state (for the
   * handoff) and the verified identity.
   */
  async finish(provider: IdentityProviderId, callbackUrl: URL): Promise<{ state: string; identity: VerifiedIdentity }> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    const login = await this.knex('oidc_logins').where({ state, provider }).whereNull('handoff').first();
    const expired = login && Date.parse(login.created_at) < this.clock().getTime() - LOGIN_TTL_MS;
    if (!login || expired) {
      throw new SignInRefused('oidc-state', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn; vui lòng đăng nhập lại.');
    }
    await this.knex('oidc_logins').where({ state }).update({ nonce: '', code_verifier: '' }); // one use only
    const config = await this.configuration(provider);
    const answer = new URL(login.redirect_uri);
    answer.search = callbackUrl.search;
    const tokens = await client
      .authorizationCodeGrant(config, answer, {
        pkceCodeVerifier: login.code_verifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      })
      .catch((err: unknown) => {
        throw new SignInRefused(
          'oidc-refused',
          `Không xác thực được danh tính từ nhà cung cấp định danh (${errorCode(err)}); vui lòng đăng nhập lại.`,
        );
      });
    const verified = tokens.claims()!;
    // The profile (name, date of birth, address, account) may come in the ID token or from the UserInfo endpoint.
    const profile = await client.fetchUserInfo(config, tokens.access_token, verified.sub).catch(() => ({}));
    const claims: Record<string, unknown> = { ...profile, ...verified };
    const subject = claims[this.configs[provider]!.claim];
    if (typeof subject !== 'string' || !subject) {
      throw new SignInRefused('oidc-claim-missing', 'Danh tính không có thông tin định danh cần thiết.');
    }
    return { state, identity: { provider, subject, claims } };
  }

  /** Marks a finished sign-in with the account it signs in as; returns the one-time handoff for the web app. */
  async handOff(state: string, userId: number): Promise<string> {
    const handoff = randomBytes(32).toString('base64url');
    await this.knex('oidc_logins').where({ state }).update({ handoff, user_id: userId });
    return handoff;
  }

  /** The account of a handoff, once, within the sign-in's time; null otherwise. */
  async redeem(handoff: string): Promise<number | null> {
    const login = await this.knex('oidc_logins').where({ handoff }).first();
    if (!login) return null;
    await this.knex('oidc_logins').where({ state: login.state }).del();
    const fresh = Date.parse(login.created_at) >= this.clock().getTime() - LOGIN_TTL_MS;
    return fresh ? Number(login.user_id) : null;
  }

  private configuration(provider: IdentityProviderId): Promise<client.Configuration> {
    const config = this.configs[provider];
    if (!config)
      throw new BadRequest('provider-not-configured', 'Hệ thống chưa cấu hình đăng nhập bằng nhà cung cấp này.');
    let found = this.discovered.get(provider);
    if (!found) {
      const issuer = new URL(config.issuer);
      // Plain HTTP only to a provider on this machine (tests, a local provider); anywhere else HTTPS, as the library insists.
      const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      found = client.discovery(issuer, config.clientId, config.clientSecret, undefined, {
        timeout: PROVIDER_TIMEOUT_S,
        // The ID token's signature is checked against the issuer's keys even though it came straight from the token
        // endpoint (the library would otherwise rely on TLS alone, as the specification allows).
        execute: [client.enableNonRepudiationChecks, ...(local ? [client.allowInsecureRequests] : [])],
      });
      found.catch(() => this.discovered.delete(provider)); // a provider down now may be up at the next sign-in
      this.discovered.set(provider, found);
    }
    return found.catch((err: unknown) => {
      throw new DomainError(
        503,
        'provider-unavailable',
        `Không kết nối được nhà cung cấp định danh (${errorCode(err)}).`,
      );
    });
  }
}

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; error?: unknown; message?: unknown };
  return String(e.error ?? e.code ?? e.message ?? 'lỗi').slice(0, 120);
}
