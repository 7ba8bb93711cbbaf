import { defineResource } from '../../resource/declare.js';
import * as s from './schemas.js';

// Gnocchi answers lists as bare arrays and pages them with a `Link: <...>; rel="next"` header.
const gnocchi = { key: null, listKey: null } as const;

/** Archive policies, by name: `createArchivePolicy({ name, definition: [{ granularity: 60, points: 1440 }] })` (admin). */
export const archivePolicies = defineResource({
  name: 'archive policy',
  one: 'ArchivePolicy',
  many: 'archivePolicies',
  ops: ['list', 'get', 'create', 'update', 'delete'],
  path: '/archive_policy',
  schema: s.ArchivePolicy,
  createSchema: s.ArchivePolicyCreate,
  updateSchema: s.ArchivePolicyUpdate,
  ...gnocchi,
});

/** Archive policy rules, by name: which policy a new metric gets from its name's pattern (admin). */
export const archivePolicyRules = defineResource({
  name: 'archive policy rule',
  one: 'ArchivePolicyRule',
  many: 'archivePolicyRules',
  ops: ['list', 'get', 'create', 'update', 'delete'],
  path: '/archive_policy_rule',
  schema: s.ArchivePolicyRule,
  createSchema: s.ArchivePolicyRuleCreate,
  updateSchema: s.ArchivePolicyRuleUpdate,
  ...gnocchi,
});

/** Resource types, by name; their attributes change through `updateResourceType` (JSON patch). */
export const resourceTypes = defineResource({
  name: 'resource type',
  one: 'ResourceType',
  many: 'resourceTypes',
  ops: ['list', 'get', 'create', 'delete'],
  path: '/resource_type',
  schema: s.MetricResourceType,
  createSchema: s.MetricResourceTypeCreate,
  ...gnocchi,
});

/**
 * Metrics not reached through a resource. For a non-admin, Gnocchi lists only the metrics attached
 * to a resource; `getMetric` reaches the others by id.
 */
export const metrics = defineResource({
  name: 'metric',
  one: 'Metric',
  many: 'metrics',
  ops: ['list', 'get', 'find', 'create', 'delete'],
  path: '/metric',
  schema: s.Metric,
  createSchema: s.MetricCreate,
  ...gnocchi,
});

/** Resources: their path holds their type, so the proxy's own methods reach them (`resources({ type })`). */
export const resources = defineResource({
  name: 'resource',
  one: 'Resource',
  many: 'resources',
  ops: [],
  path: '/resource/generic',
  schema: s.MetricResource,
  createSchema: s.MetricResourceCreate,
  updateSchema: s.MetricResourceUpdate,
  ...gnocchi,
});
