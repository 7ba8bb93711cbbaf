import { defineResource, filters } from '../../resource/declare.js';
import * as s from './schemas.js';

/** Filters of `conn.keyManager.secrets()`. */
export interface SecretQuery {
  name?: string;
  /** Algorithm (`aes`). */
  alg?: string;
  mode?: string;
  /** Bit length. */
  bits?: number;
  secret_type?: s.SecretType;
  /** Only secrets whose ACL grants the caller access. */
  acl_only?: boolean;
  /** Date filters with operators: `gt:2026-01-01T00:00:00`. */
  created?: string;
  updated?: string;
  expiration?: string;
  /** `created:desc,name`. */
  sort?: string;
}

/** Filters of `conn.keyManager.containers()`. */
export interface KeyManagerContainerQuery {
  name?: string;
  type?: 'generic' | 'rsa' | 'certificate';
}

export const secrets = defineResource({
  name: 'secret',
  one: 'Secret',
  many: 'secrets',
  ops: ['list', 'get', 'find', 'delete'],
  filters: filters<SecretQuery>(),
  path: '/secrets',
  key: null,
  listKey: 'secrets',
  schema: s.Secret,
});

export const containers = defineResource({
  name: 'container',
  one: 'Container',
  many: 'containers',
  ops: ['list', 'get', 'find', 'delete'],
  filters: filters<KeyManagerContainerQuery>(),
  path: '/containers',
  key: null,
  listKey: 'containers',
  schema: s.KeyManagerContainer,
});

export const orders = defineResource({
  name: 'order',
  one: 'Order',
  many: 'orders',
  ops: ['list', 'get', 'delete', 'waitFor', 'waitForDelete'],
  // Orders are PENDING until Barbican has generated what they ask for.
  wait: { status: 'ACTIVE', failures: ['ERROR'] },
  path: '/orders',
  key: null,
  listKey: 'orders',
  schema: s.KeyManagerOrder,
});

/** Consumers of a container: reached under the container, so no methods of their own. */
export const containerConsumers = defineResource({ name: 'container consumer', one: 'ContainerConsumer', many: 'containerConsumers', ops: [], path: '', key: null, listKey: 'consumers', schema: s.KeyManagerContainerConsumer });

/** Consumers of a secret (microversion 1.1): reached under the secret. */
export const secretConsumers = defineResource({ name: 'secret consumer', one: 'SecretConsumer', many: 'secretConsumers', ops: [], path: '', key: null, listKey: 'consumers', schema: s.SecretConsumer });

/** Configured quotas per project (admin). */
export const projectQuotas = defineResource({ name: 'project quotas', one: 'ProjectQuotas', many: 'projectQuotas', ops: [], path: '/project-quotas', key: null, listKey: 'project_quotas', schema: s.KeyManagerProjectQuotas });
