import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError, Unauthorized } from '../../../errors.js';
import { problems } from '../../schemas.js';
import { User as UserSchema } from '../users/schemas.js';
import { IDENTITY_PROVIDERS } from '../../../auth/oidc.js';
import type { User } from '../../../auth/users.js';
import oidcRoutes, { session } from './oidc.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // Citizens' local passwords may be turned off by the administrator, once a national identity provider is there.
  const citizenPasswords = () =>
    app.system.settings.rules.citizenPasswords || !app.system.identityProviders.configured.includes('citizen');
  const localPasswordFor = (user: User) => citizenPasswords() || user.roles.some((r) => r !== 'citizen');

  await app.register(oidcRoutes);

  app.post(
    '/auth/login',
    {
      config: {
        action: 'auth:login',
        // Guessing passwords: 10 attempts per 5 minutes for one account from one address; and 20 failures per 15 minutes
        // from one address whatever the accounts (system.logins).
        rateLimit: {
          max: 10,
          timeWindow: '5 minutes',
          keyGenerator: (request) => `${request.ip}|${loginName(request.body)}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Log in; returns a bearer token',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String(), expiresAt: Type.String({ format: 'date-time' }), user: UserSchema }),
          ...problems(400, 401, 429),
        },
      },
    },
    async (request) => {
      const { users, logins } = app.system;
      const wait = logins.waitSeconds(request.ip);
      if (wait)
        throw new DomainError(
          429,
          'too-many-attempts',
          `Địa chỉ này đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${wait} giây.`,
        );
      const user = await users.authenticate(request.body.username, request.body.password);
      if (!user) {
        logins.failed(request.ip);
        throw new Unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
      }
      if (!localPasswordFor(user)) {
        throw new Unauthorized('Công dân đăng nhập bằng tài khoản định danh điện tử VNeID.');
      }
      return session(app, user);
    },
  );

  // How one signs in here, for the login page; and whether this is a demo database, which it must say loudly.
  app.get(
    '/auth/options',
    {
      config: { action: 'auth:login' },
      schema: {
        tags: ['auth'],
        summary: 'Sign-in options, and whether the database is a demo whose accounts have published passwords',
        response: {
          200: Type.Object({
            localPasswords: Type.Boolean({ description: 'Staff sign in with a username and password' }),
            citizenPasswords: Type.Boolean({
              description: 'Citizens may too; false when they sign in through VNeID only',
            }),
            identityProviders: Type.Array(Type.Enum([...IDENTITY_PROVIDERS]), {
              description:
                'OpenID Connect providers configured: citizen (VNeID), staff (the city’s single sign-on); GET /api/auth/oidc/<provider>/start',
            }),
            demo: Type.Boolean({ description: 'A demo database: never receive real dossiers on it' }),
          }),
        },
      },
    },
    async () => ({
      localPasswords: true,
      citizenPasswords: citizenPasswords(),
      identityProviders: app.system.identityProviders.configured,
      demo: app.system.demo,
    }),
  );
};

function loginName(body: unknown): string {
  return String((body as { username?: unknown } | undefined)?.username ?? '')
    .trim()
    .toLowerCase();
}

export default routes;
