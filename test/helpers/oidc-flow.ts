import type { TestApp } from './app.js';
import type { TestProvider } from './oidc-provider.js';

/** The app's callback addresses as `app.inject` reaches it (host localhost:80, the default port left out). */
export const INJECT_CALLBACKS = ['citizen', 'staff'].map((p) => `http://localhost/api/auth/oidc/${p}/callback`);

/**
 * A sign-in driven over HTTP as a browser would: the app's start, the provider's login (as `login`) and consent
 * pages with their cookies, then the app's callback. Returns where the callback sends the browser.
 */
export async function signInOverHttp(
  h: TestApp,
  provider: TestProvider,
  kind: 'citizen' | 'staff',
  login: string,
): Promise<string> {
  const start = await h.app.inject({ method: 'GET', url: `/api/auth/oidc/${kind}/start` });
  if (start.statusCode !== 302) throw new Error(`start: ${start.statusCode} ${start.body}`);
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  let url = String(start.headers.location);
  for (let hop = 0; hop < 12 && url.startsWith(provider.issuer); hop++) {
    let res = await fetch(url, { redirect: 'manual', headers: { cookie: cookie() } });
    keep(res);
    if (res.status === 200) {
      const page = await res.text();
      const action = /action="([^"]+)"/.exec(page)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (!action || !prompt) throw new Error(`provider page without a form: ${page.slice(0, 300)}`);
      const fields: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
      res = await fetch(new URL(action, url), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      keep(res);
    }
    const next = res.headers.get('location');
    if (!next) throw new Error(`provider answered ${res.status} without a redirect: ${await res.text()}`);
    url = new URL(next, url).toString();
  }
  const back = new URL(url);
  const callback = await h.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
  if (callback.statusCode !== 302) throw new Error(`callback: ${callback.statusCode} ${callback.body}`);
  return String(callback.headers.location);
}
