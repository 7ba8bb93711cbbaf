import { TokensProxy } from './tokens.js';

/**
 * `conn.identity`: Keystone v3. Works with an unscoped token too: Keystone is then reached at the
 * URL the Connection logged in with.
 *
 * The standard operations of domains, projects, users, groups, roles, credentials, regions,
 * services, endpoints, registered limits and limits come from their declarations in
 * `resources.ts` (base.ts). The rest is added area by area, each file's class extending the one
 * before: projects.ts (hierarchy, tags), users-groups.ts (passwords, membership),
 * implied-roles.ts, grants.ts (grants, role assignments), application-credentials.ts (with
 * access rules), limits.ts (batches, the model) and tokens.ts (tokens, what the current one can reach).
 */
export class IdentityProxy extends TokensProxy {}
