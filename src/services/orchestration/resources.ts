import { defineResource, filters } from '../../resource/declare.js';
import * as s from './schemas.js';

/** Filters of `conn.orchestration.stacks()` besides the stack's attributes. */
export interface StackQuery {
  /** Exact stack name(s). */
  name?: string | readonly string[];
  /** `COMPLETE`, `FAILED`, `IN_PROGRESS` (the state part of `stack_status`). */
  status?: string | readonly string[];
  /** `CREATE`, `UPDATE`, `DELETE`... (the action part of `stack_status`). */
  action?: string | readonly string[];
  /** Stacks holding every one of these tags (comma separated). */
  tags?: string;
  /** Stacks holding any of these tags (comma separated). */
  tags_any?: string;
  not_tags?: string;
  not_tags_any?: string;
  /** Nested stacks too. */
  show_nested?: boolean;
  /** Deleted stacks too. */
  show_deleted?: boolean;
  /** Every project's stacks (admin). */
  global_tenant?: boolean;
  sort_keys?: 'stack_name' | 'stack_status' | 'creation_time' | 'updated_time';
  sort_dir?: 'asc' | 'desc';
}

/**
 * Stacks: only the list is generic. A stack is reached as `stacks/{name}/{id}` and Heat keeps a
 * deleted one readable by id, so get, find, create, update, delete and the waits are written out
 * in the proxy.
 */
export const stacks = defineResource({
  name: 'stack',
  one: 'Stack',
  many: 'stacks',
  ops: ['list'],
  filters: filters<StackQuery>(),
  path: '/stacks',
  key: 'stack',
  listKey: 'stacks',
  schema: s.Stack,
  nameAttribute: 'stack_name',
  nameFilter: 'name',
});

/** Resources of a stack, reached under the stack. */
export const resources = defineResource({ name: 'stack resource', one: 'StackResource', many: 'stackResources', ops: [], path: '', key: 'resource', listKey: 'resources', schema: s.StackResource });
/** Events of a stack, reached under the stack. */
export const events = defineResource({ name: 'stack event', one: 'StackEvent', many: 'stackEvents', ops: [], path: '', key: 'event', listKey: 'events', schema: s.StackEvent });
/** Outputs of a stack, reached under the stack. */
export const outputs = defineResource({ name: 'stack output', one: 'StackOutput', many: 'stackOutputs', ops: [], path: '', key: 'output', listKey: 'outputs', schema: s.StackOutput });
/** Template versions Heat reads. */
export const templateVersions = defineResource({ name: 'template version', one: 'TemplateVersion', many: 'templateVersions', ops: [], path: '/template_versions', key: null, listKey: 'template_versions', schema: s.TemplateVersion });
/** Functions of a template version. */
export const templateFunctions = defineResource({ name: 'template function', one: 'TemplateFunction', many: 'templateFunctions', ops: [], path: '', key: null, listKey: 'template_functions', schema: s.TemplateFunction });
/** Resource types. */
export const resourceTypes = defineResource({ name: 'resource type', one: 'ResourceType', many: 'resourceTypes', ops: [], path: '/resource_types', key: null, listKey: 'resource_types', schema: s.ResourceType });
/** Snapshots of a stack, reached under the stack. */
export const snapshots = defineResource({ name: 'stack snapshot', one: 'StackSnapshot', many: 'stackSnapshots', ops: [], path: '', key: 'snapshot', listKey: 'snapshots', schema: s.StackSnapshot });

/**
 * Software configs: got, found and deleted the usual way; Heat pages their list by marker only
 * and takes a new one unwrapped, so the list and the create are written out in the proxy.
 */
export const softwareConfigs = defineResource({
  name: 'software config',
  one: 'SoftwareConfig',
  many: 'softwareConfigs',
  ops: ['get', 'find', 'delete'],
  path: '/software_configs',
  key: 'software_config',
  listKey: 'software_configs',
  schema: s.SoftwareConfig,
  // Heat's list takes no name filter: names are matched here.
  nameFilter: null,
});
