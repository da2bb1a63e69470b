import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IDENTITY_PROVIDERS } from '../../../auth/oidc.js';
import type { User } from '../../../auth/users.js';
import { DomainError, Unauthorized } from '../../../errors.js';
import { problems } from '../../schemas.js';
import { User as UserSchema } from '../users/schemas.js';

const Provider = Type.Object({
  provider: Type.Enum([...IDENTITY_PROVIDERS], { description: 'citizen (VNeID) or staff (the city’s single sign-on)' }),
});
const Session = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: UserSchema,
});

/** A bearer token for the user, as the password sign-in gives it. */
export function session(app: FastifyInstance, user: User) {
  const token = app.jwt.sign({ sub: String(user.id) });
  const { exp } = app.jwt.decode<{ exp: number }>(token)!;
  return { token, expiresAt: new Date(exp * 1000).toISOString(), user };
}

/** This server's address as the request reached it. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * Sign-in with OpenID Connect: the browser goes to `start`, the provider sends it back to `callback`, which lands on
 * the login page with a one-time handoff (in the address's fragment, never sent to a server) that the page exchanges
 * for a session. A refusal lands there with its code and creates no session.
 */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { identityProviders, identities } = app.system;

  app.get(
    '/auth/oidc/:provider/start',
    {
      config: { action: 'auth:login' },
      schema: {
        tags: ['auth'],
        summary:
          'Start a sign-in with an identity provider: 302 to its authorization address (code flow, PKCE, state, nonce)',
        params: Provider,
        response: { 302: { description: 'To the provider' }, ...problems(400, 503) },
      },
    },
    async (request, reply) => {
      const { provider } = request.params;
      const url = await identityProviders.start(provider, identityProviders.callbackUri(provider, originOf(request)));
      return reply.redirect(url);
    },
  );

  app.get(
    '/auth/oidc/:provider/callback',
    {
      config: { action: 'auth:login' },
      schema: {
        tags: ['auth'],
        summary:
          'The provider’s answer: the ID token checked and the account found (a citizen’s created on first sign-in; an officer’s must exist); 302 to /dang-nhap#handoff=… or, refused, to /dang-nhap#error=<code>',
        params: Provider,
        querystring: Type.Object(
          {
            code: Type.Optional(Type.String({ maxLength: 2048 })),
            state: Type.Optional(Type.String({ maxLength: 200 })),
            error: Type.Optional(Type.String({ maxLength: 200 })),
            error_description: Type.Optional(Type.String({ maxLength: 2000 })),
            iss: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: true },
        ),
        response: { 302: { description: 'To the login page' } },
      },
    },
    async (request, reply) => {
      const { provider } = request.params;
      const url = new URL(request.url, originOf(request));
      try {
        const { state, identity } = await identityProviders.finish(provider, url);
        const user = await identities.accountFor(identity);
        return reply.redirect(`/dang-nhap#handoff=${await identityProviders.handOff(state, user.id)}`);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        request.log.warn({ provider, code: err.code }, 'sign-in refused');
        return reply.redirect(`/dang-nhap#error=${encodeURIComponent(err.code)}`);
      }
    },
  );

  app.post(
    '/auth/oidc/session',
    {
      config: { action: 'auth:login' },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a sign-in’s one-time handoff for a bearer token (once, within ten minutes)',
        body: Type.Object({ handoff: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Session, ...problems(400, 401) },
      },
    },
    async (request) => {
      const userId = await identityProviders.redeem(request.body.handoff);
      const user = userId === null ? undefined : await app.system.users.byId(userId);
      if (!user || user.disabled) throw new Unauthorized('Phiên đăng nhập không hợp lệ hoặc đã hết hạn.');
      return session(app, user);
    },
  );
};

export default routes;
