import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import Provider from 'oidc-provider';
import type { Test } from 'tap';

/** How the provider's answers are spoiled on their way, to show each is refused. */
export type Tampering = null | 'signature' | 'expired' | 'nonce';

export interface TestProvider {
  /** The issuer, as the app's configuration names it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Opens the provider to a client with these redirect URIs and these accounts (login → claims). */
  configure(redirectUris: string[], accounts: Record<string, Record<string, unknown>>): void;
  tampering: Tampering;
}

/**
 * A real OpenID provider (oidc-provider, a certified implementation) on loopback, with its development login and
 * consent pages (any password), behind a small proxy that can spoil its answers as an attacker or a faulty provider
 * would: a tampered ID token, an expired one (re-signed with the provider's key), another nonce.
 */
export async function startProvider(t: Test): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let inner: http.Server | null = null;
  let innerPort = 0;
  const front = http.createServer((req, res) => forward(req, res));
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  t.teardown(() => {
    front.close();
    inner?.close();
  });

  const self: TestProvider = {
    issuer,
    clientId: 'motcua',
    clientSecret: 'motcua-test-secret',
    tampering: null,
    configure(redirectUris, accounts) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: self.clientId,
            client_secret: self.clientSecret,
            redirect_uris: redirectUris,
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        jwks: { keys: [jwk] },
        claims: { openid: ['sub'], profile: ['name', 'birthdate', 'address', 'preferred_username'] },
        findAccount: async (_ctx: unknown, id: string) =>
          accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined,
        pkce: { required: () => true },
        cookies: { keys: ['test-cookie-key'] },
      });
      provider.proxy = true;
      inner?.close();
      inner = http.createServer(provider.callback());
      inner.listen(0, '127.0.0.1', () => (innerPort = (inner!.address() as AddressInfo).port));
    },
  };

  function forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!inner || !innerPort) {
      res.writeHead(503).end();
      return;
    }
    let path = req.url ?? '/';
    if (self.tampering === 'nonce' && path.startsWith('/auth?')) path = path.replace(/nonce=[^&]*/, 'nonce=another');
    const upstream = http.request(
      { host: '127.0.0.1', port: innerPort, method: req.method, path, headers: req.headers },
      (answer) => {
        const spoil = self.tampering === 'signature' || self.tampering === 'expired';
        if (!spoil || path !== '/token') {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', async () => {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          body.id_token = await spoilt(body.id_token, self.tampering!, privateKey);
          const text = JSON.stringify(body);
          const { 'content-length': _length, ...headers } = answer.headers;
          res.writeHead(answer.statusCode ?? 200, { ...headers, 'content-length': Buffer.byteLength(text) });
          res.end(text);
        });
      },
    );
    req.pipe(upstream);
  }
  return self;
}

async function spoilt(idToken: string, how: Tampering, key: Parameters<SignJWT['sign']>[0]): Promise<string> {
  const [header, , signature] = idToken.split('.');
  const claims = decodeJwt(idToken);
  if (how === 'signature') {
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
    return `${header}.${forged}.${signature}`;
  }
  const past = Math.floor(Date.now() / 1000) - 3600;
  return new SignJWT({ ...claims, iat: past - 600, exp: past })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .sign(key);
}
