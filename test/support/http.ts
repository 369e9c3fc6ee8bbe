import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { readConfig } from '../../src/server/config.js';
import type { DatabaseHandle } from '../../src/server/db/database.js';
import type { App } from '../../src/server/http/types.js';

export async function buildTestApp(database: DatabaseHandle, env: NodeJS.ProcessEnv = {}): Promise<App> {
  const config = { ...readConfig({ ...env, WEB_DIR: '/nonexistent' }), signInRateLimit: Number(env.SIGN_IN_RATE_LIMIT ?? 1000) };
  const app = await buildApp({ database, config, logger: false });
  await app.ready();
  return app;
}

/** A signed-in browser: its cookies and CSRF token go with every request. */
export interface Agent {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
  csrfToken: string;
}

function collectCookies(response: LightMyRequestResponse, jar: Record<string, string>) {
  for (const cookie of response.cookies) jar[cookie.name] = cookie.value;
}

export async function signIn(app: App, email: string, password: string): Promise<Agent> {
  const jar: Record<string, string> = {};
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  collectCookies(response, jar);
  const agent: Agent = {
    cookies: jar,
    csrfToken: (response.json() as { csrfToken: string }).csrfToken,
    async request(options) {
      const result = await app.inject({
        ...options,
        cookies: { ...jar, ...(options.cookies ?? {}) },
        headers: { 'x-csrf-token': agent.csrfToken, ...(options.headers ?? {}) },
      });
      collectCookies(result, jar);
      return result;
    },
  };
  return agent;
}

/** Nobody signed in. */
export function anonymous(app: App): Agent {
  return { cookies: {}, csrfToken: '', request: (options) => app.inject(options) };
}
