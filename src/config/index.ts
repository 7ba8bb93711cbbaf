/**
 * clouds.yaml and `OS_*` variables to Connection options: pure functions, no file access (the
 * Node/Deno entry reads the files). Key names are openstacksdk's, so existing files work as they are.
 */
import type { Interface } from '../base/catalog.js';
import { officialType } from '../base/service-types.js';
import type { ConnectionOptions } from '../connection.js';
import { ValidationError } from '../base/errors.js';

/** One cloud's entry in clouds.yaml (snake_case keys, as openstacksdk reads them). */
export type CloudConfig = Record<string, unknown> & { auth?: Record<string, unknown> };
/** The parsed content of clouds.yaml or secure.yaml. */
export interface CloudsFile {
  clouds?: Record<string, CloudConfig>;
}

const AUTH_KEYS: Record<string, string> = {
  auth_url: 'authUrl',
  username: 'username',
  user_id: 'userId',
  password: 'password',
  project_name: 'projectName',
  tenant_name: 'projectName',
  project_id: 'projectId',
  tenant_id: 'projectId',
  project_domain_name: 'projectDomainName',
  project_domain_id: 'projectDomainId',
  user_domain_name: 'userDomainName',
  user_domain_id: 'userDomainId',
  domain_name: 'domainName',
  domain_id: 'domainId',
  default_domain_id: 'defaultDomainId',
  default_domain_name: 'defaultDomainName',
  token: 'token',
  application_credential_id: 'applicationCredentialId',
  application_credential_name: 'applicationCredentialName',
  application_credential_secret: 'applicationCredentialSecret',
  passcode: 'passcode',
};

// Services whose `<service>_api_version` of the form X.Y is a microversion, not a major version.
const MICROVERSIONED = new Set(['compute', 'block-storage', 'placement', 'baremetal', 'shared-file-system', 'container-infrastructure-management']);

function official(name: string): string {
  return officialType(name.replace(/_/g, '-'));
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)
        ? deepMerge(cur as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

/**
 * Connection options for cloud `name` of a parsed clouds.yaml, merged with secure.yaml's entry
 * for the same cloud (which usually holds the password).
 */
export function fromCloudConfig(clouds: CloudsFile, name: string, secure?: CloudsFile): ConnectionOptions {
  const base = clouds?.clouds?.[name];
  if (!base) {
    const have = Object.keys(clouds?.clouds ?? {});
    throw new ValidationError(`no cloud named '${name}' in clouds.yaml${have.length ? ` (it has: ${have.join(', ')})` : ''}`, 'cloud');
  }
  const merged = deepMerge(base, secure?.clouds?.[name] ?? {}) as CloudConfig;
  return cloudToOptions(merged, `clouds.${name}`);
}

/** Connection options for one cloud entry (snake_case, as in clouds.yaml). */
export function cloudToOptions(cloud: CloudConfig, where = 'cloud'): ConnectionOptions {
  const authIn = (cloud.auth ?? {}) as Record<string, unknown>;
  const auth: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(authIn)) {
    if (v === undefined || v === null || v === '') continue;
    auth[AUTH_KEYS[k] ?? k] = v;
  }
  if (authIn.system_scope || cloud.system_scope) auth.system = true;
  let type = String(cloud.auth_type ?? '') || undefined;
  if (!type) type = auth.applicationCredentialSecret ? 'v3applicationcredential' : auth.token && !auth.password ? 'v3token' : 'password';
  auth.type = type;
  const opts: ConnectionOptions = { auth: auth as ConnectionOptions['auth'] };
  if (cloud.region_name) opts.region = String(cloud.region_name);
  if (cloud.interface || cloud.endpoint_type) opts.interface = String(cloud.interface ?? cloud.endpoint_type).replace(/URL$/, '') as Interface;
  if (cloud.api_timeout) opts.timeout = Number(cloud.api_timeout) * 1000;
  for (const [k, v] of Object.entries(cloud)) {
    if (v === undefined || v === null || v === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^(.+)_endpoint_override$/.exec(k))) (opts.endpointOverrides ??= {})[official(m[1]!)] = String(v);
    else if ((m = /^(.+)_interface$/.exec(k))) (opts.interfaces ??= {})[official(m[1]!)] = String(v).replace(/URL$/, '') as Interface;
    else if ((m = /^(.+)_api_version$/.exec(k))) {
      const type = official(m[1]!);
      const value = String(v);
      if (MICROVERSIONED.has(type) && /^\d+\.\d+$/.test(value) && !/^\d+\.0$/.test(value)) (opts.microversions ??= {})[type] = value;
      else if (type === 'identity' && !/^3/.test(value)) throw new ValidationError(`identity API ${value} is not supported (only v3)`, `${where}.${k}`);
    }
  }
  return opts;
}

/** Connection options from `OS_*` variables (Node's environment object, or `Deno.env.toObject()`). */
export function fromEnv(env: Record<string, string | undefined>): ConnectionOptions {
  const get = (k: string) => (env[k] === undefined || env[k] === '' ? undefined : env[k]);
  if (!get('OS_AUTH_URL')) throw new ValidationError('OS_AUTH_URL is not set', 'OS_AUTH_URL');
  const auth: Record<string, unknown> = {};
  for (const k of Object.keys(AUTH_KEYS)) {
    const val = get(`OS_${k.toUpperCase()}`);
    if (val !== undefined) auth[k] = val;
  }
  if (get('OS_DEFAULT_DOMAIN')) auth.default_domain_id ??= get('OS_DEFAULT_DOMAIN');
  if (get('OS_SYSTEM_SCOPE')) auth.system_scope = get('OS_SYSTEM_SCOPE');
  const cloud: CloudConfig = { auth };
  if (get('OS_AUTH_TYPE')) cloud.auth_type = get('OS_AUTH_TYPE');
  if (get('OS_REGION_NAME')) cloud.region_name = get('OS_REGION_NAME');
  if (get('OS_INTERFACE') ?? get('OS_ENDPOINT_TYPE')) cloud.interface = get('OS_INTERFACE') ?? get('OS_ENDPOINT_TYPE');
  for (const [k, v] of Object.entries(env)) {
    const m = /^OS_([A-Z_]+?)_(API_VERSION|ENDPOINT_OVERRIDE|INTERFACE)$/.exec(k);
    if (m && v) cloud[`${m[1]!.toLowerCase()}_${m[2]!.toLowerCase()}`] = v;
  }
  return cloudToOptions(cloud, 'env');
}
