/**
 * `openstack-sdk/orchestration`: the Orchestration service (Heat v1) as a plugin.
 *
 * @module openstack-sdk/orchestration
 */
import { defineService } from '../../plugin.js';
import { OrchestrationProxy } from './proxy.js';

/**
 * The Heat service as a plugin: `services: [orchestration]` adds `conn.orchestration` to a
 * Connection from `openstack-sdk/core` (the full `openstack-sdk` Connection has it built in).
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { orchestration } from 'openstack-sdk/orchestration';
 * const conn = new Connection({ auth, services: [orchestration] });
 * const template = `
 * heat_template_version: 2018-08-31
 * resources:
 *   secret: { type: OS::Heat::RandomString, properties: { length: 16 } }
 * outputs:
 *   value: { value: { get_attr: [secret, value] } }
 * `;
 * const stack = await conn.orchestration.createStack({ stack_name: 'demo', template });
 * const done = await conn.orchestration.waitForStack(stack, { status: 'CREATE_COMPLETE' });
 * console.log(done.outputs);
 * ```
 */
export const orchestration = defineService({
  name: 'orchestration',
  type: 'orchestration',
  version: '1',
  create: (ctx) => new OrchestrationProxy(ctx),
});
export { OrchestrationProxy };
export type { StackRef, StackQuery, StackResourceQuery, StackEventQuery, ResourceTypeQuery } from './proxy.js';
export * from './schemas.js';
