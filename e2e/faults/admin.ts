/** Direct Keystone calls as admin (never through the proxy): the run's own user, token revocation. */
import { cloud } from '../../test/helpers/cloud.js';

export const KEYSTONE = 'http://127.0.0.1:5000';

async function call(method: string, path: string, token: string | undefined, body?: unknown, extra: Record<string, string> = {}) {
  const res = await fetch(`${KEYSTONE}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { 'x-auth-token': token } : {}),
      ...extra,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`keystone ${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  return { res, data: text ? JSON.parse(text) : undefined };
}

export async function adminToken(): Promise<string> {
  const a = cloud.users.admin;
  const { res } = await call('POST', '/v3/auth/tokens', undefined, {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: a.name,
            domain: { id: 'default' },
            password: a.password,
          },
        },
      },
      scope: { project: { name: a.projectName, domain: { id: 'default' } } },
    },
  });
  return res.headers.get('x-subject-token')!;
}

/** A user of the demo project with a long random password (so that a leak is unmistakable). */
export async function createRunUser(token: string, name: string, password: string): Promise<string> {
  const { data } = await call('POST', '/v3/users', token, {
    user: {
      name,
      password,
      domain_id: 'default',
      default_project_id: cloud.projects.demo.id,
    },
  });
  const userId: string = data.user.id;
  const roles = await call('GET', '/v3/roles?name=member', token);
  const roleId: string = roles.data.roles[0].id;
  await call('PUT', `/v3/projects/${cloud.projects.demo.id}/users/${userId}/roles/${roleId}`, token);
  return userId;
}

export async function deleteUser(token: string, userId: string): Promise<void> {
  await call('DELETE', `/v3/users/${userId}`, token).catch(() => undefined);
}

/** Revokes a token at Keystone (as admin), as an operator or a password change would. */
export async function revokeToken(admin: string, token: string): Promise<boolean> {
  try {
    await call('DELETE', '/v3/auth/tokens', admin, undefined, {
      'x-subject-token': token,
    });
    return true;
  } catch {
    return false;
  }
}
