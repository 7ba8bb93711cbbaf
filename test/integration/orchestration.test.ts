import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { BadRequestError, NotFoundError, ResourceFailureError, ValidationError, type LogEvent } from '../../src/index.js';
import { network } from '../../src/services/network/index.js';
import { orchestration, type Stack } from '../../src/services/orchestration/index.js';
import { cloudOptions, uniqueName } from '../helpers/cloud.js';

const requests: LogEvent[] = [];
const conn = new Connection({ ...cloudOptions('local-demo'), services: [orchestration, network], log: (e) => e.type === 'request' && requests.push(e) });
const heat = conn.orchestration;
const fast = { interval: 500, maxInterval: 2000, timeout: 120_000 };

const made: Stack[] = [];
afterAll(async () => {
  for (const st of made) await heat.deleteStack(st, { ignoreMissing: true }).catch(() => undefined);
  for (const st of made) await heat.waitForStackDelete(st, fast).catch(() => undefined);
}, 180_000);

/** A stack of a real Neutron network and a random string whose length is a parameter. */
const netAndString = `
heat_template_version: 2018-08-31
description: a network and a random string
parameters:
  length:
    type: number
    default: 8
  net_name:
    type: string
resources:
  net:
    type: OS::Neutron::Net
    properties:
      name: { get_param: net_name }
  secret:
    type: OS::Heat::RandomString
    properties:
      length: { get_param: length }
outputs:
  secret:
    description: the random string
    value: { get_attr: [secret, value] }
  net_id:
    value: { get_resource: net }
`;

async function newStack(attrs: Parameters<typeof heat.createStack>[0]): Promise<Stack> {
  const st = await heat.createStack(attrs);
  made.push(st);
  return st;
}
const output = (st: Stack, key: string) => st.outputs?.find((o) => o.output_key === key)?.output_value;

describe('stacks', () => {
  test('a YAML template makes a real network and a random string; outputs, resources and events are read; an update changes the output; delete removes the network', async () => {
    const name = uniqueName('heat');
    const netName = uniqueName('heat-net');
    const st = await newStack({ stack_name: name, template: netAndString, parameters: { length: 12, net_name: netName }, tags: ['sdk', 'test'] });
    expect(st).toMatchObject({ stack_name: name, stack_status: expect.stringMatching(/^CREATE_/) });

    const done = await heat.waitForStack(st, { status: 'CREATE_COMPLETE', ...fast });
    expect(done).toMatchObject({ id: st.id, stack_status: 'CREATE_COMPLETE', description: 'a network and a random string', tags: ['sdk', 'test'] });
    const secret = output(done, 'secret') as string;
    expect(secret).toMatch(/^[A-Za-z0-9]{12}$/);

    // The network is real: Neutron has it, under the name the parameter gave.
    const netId = output(done, 'net_id') as string;
    expect((await conn.network.getNetwork(netId)).name).toBe(netName);

    // Found by name and by id, listed by name, got by name.
    expect((await heat.findStack(name))?.id).toBe(st.id);
    expect((await heat.findStack(st.id))?.stack_name).toBe(name);
    expect((await heat.getStack(name)).id).toBe(st.id);
    expect((await heat.stacks({ name }).toArray()).map((s) => s.id)).toEqual([st.id]);
    expect(await heat.findStack(uniqueName('no-such-stack'))).toBeUndefined();
    await expect(heat.findStack(uniqueName('no-such-stack'), { ignoreMissing: false })).rejects.toBeInstanceOf(NotFoundError);

    // Outputs three ways.
    expect(await heat.getStackOutput(st, 'secret')).toMatchObject({ output_key: 'secret', output_value: secret, description: 'the random string' });
    const outs = await heat.stackOutputs(name).toArray();
    expect(Object.fromEntries(outs.map((o) => [o.output_key, o.output_value]))).toEqual({ secret, net_id: netId });

    // Resources: the network's physical id is the Neutron network; the string's attribute is the output.
    const res = await heat.stackResources(st).toArray();
    expect(res.map((r) => [r.resource_name, r.resource_type, r.resource_status]).sort()).toEqual([
      ['net', 'OS::Neutron::Net', 'CREATE_COMPLETE'],
      ['secret', 'OS::Heat::RandomString', 'CREATE_COMPLETE'],
    ]);
    expect(res.find((r) => r.resource_name === 'net')?.physical_resource_id).toBe(netId);
    expect((await heat.stackResources(st, { type: 'OS::Neutron::Net' }).toArray()).map((r) => r.resource_name)).toEqual(['net']);
    expect((await heat.getStackResource(st, 'secret')).attributes?.value).toBe(secret);
    await expect(heat.getStackResource(st, 'nope')).rejects.toBeInstanceOf(NotFoundError);

    // Events: the stack's and each resource's CREATE_COMPLETE, in pages of 2 by marker.
    const events = await heat.stackEvents(st).toArray();
    const completed = events.filter((e) => e.resource_status === 'CREATE_COMPLETE').map((e) => e.resource_name);
    expect(completed.sort()).toEqual([name, 'net', 'secret'].sort());
    const pages: number[] = [];
    const paged: string[] = [];
    for await (const page of heat.stackEvents(st, {}, { pageSize: 2 }).pages()) {
      pages.push(page.length);
      paged.push(...page.map((e) => e.id));
    }
    expect(pages.every((n) => n <= 2)).toBe(true);
    expect(paged.sort()).toEqual(events.map((e) => e.id).sort());
    const netEvents = await heat.stackEvents(st, { resource_name: 'net' }).toArray();
    expect(netEvents.length).toBeGreaterThan(0);
    expect(netEvents.every((e) => e.resource_name === 'net')).toBe(true);

    // What Heat kept: the template (parsed) and the environment with the parameters given.
    expect(await heat.getStackTemplate(st)).toMatchObject({ heat_template_version: '2018-08-31', resources: { net: { type: 'OS::Neutron::Net' } } });
    expect((await heat.getStackEnvironment(st)).parameters).toMatchObject({ length: 12, net_name: netName });

    // An update preview, then the update: a new length replaces the string, the network stays.
    const preview = await heat.previewStackUpdate(st, { parameters: { length: 20 } });
    expect(preview.replaced?.map((r) => r.resource_name)).toEqual(['secret']);
    expect(preview.unchanged?.map((r) => r.resource_name)).toEqual(['net']);
    await heat.updateStack(st, { parameters: { length: 20 } });
    const updated = await heat.waitForStack(st, { status: 'UPDATE_COMPLETE', ...fast });
    const secret2 = output(updated, 'secret') as string;
    expect(secret2).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(output(updated, 'net_id')).toBe(netId);
    expect(updated.parameters).toMatchObject({ length: '20', net_name: netName });

    await heat.deleteStack(st);
    await heat.waitForStackDelete(st, fast);
    await expect(heat.getStack(st)).rejects.toBeInstanceOf(NotFoundError);
    await expect(heat.getStack(st.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(conn.network.getNetwork(netId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(heat.deleteStack(st.id)).rejects.toBeInstanceOf(NotFoundError);
    await heat.deleteStack(st.id, { ignoreMissing: true });
  }, 240_000);

  test('a template object with files and a YAML environment; a new template replaces it (PUT); suspend, resume and check', async () => {
    const template = {
      heat_template_version: '2018-08-31',
      parameters: { greeting: { type: 'string' } },
      resources: {
        motd: { type: 'OS::Heat::Value', properties: { value: { get_file: 'motd.txt' } } },
        hello: { type: 'OS::Heat::Value', properties: { value: { get_param: 'greeting' } } },
      },
      outputs: { motd: { value: { get_attr: ['motd', 'value'] } }, hello: { value: { get_attr: ['hello', 'value'] } } },
    };
    const name = uniqueName('heat-files');
    const st = await newStack({
      stack_name: name,
      template,
      files: { 'motd.txt': 'hello from a file' },
      environment: 'parameters:\n  greeting: hello from the environment\n',
    });
    const done = await heat.waitForStack(st, { ...fast });
    expect(done.stack_status).toBe('CREATE_COMPLETE');
    expect(output(done, 'motd')).toBe('hello from a file');
    expect(output(done, 'hello')).toBe('hello from the environment');
    expect(await heat.getStackFiles(st)).toEqual({ 'motd.txt': 'hello from a file' });

    // A new template (PUT): the stack becomes what it says; the `motd` resource is gone.
    await heat.updateStack(done, {
      template: 'heat_template_version: 2018-08-31\nresources:\n  only:\n    type: OS::Heat::Value\n    properties: { value: replaced }\noutputs:\n  only: { value: { get_attr: [only, value] } }\n',
    });
    const replaced = await heat.waitForStack(done, { status: 'UPDATE_COMPLETE', ...fast });
    expect(replaced.outputs?.map((o) => [o.output_key, o.output_value])).toEqual([['only', 'replaced']]);
    expect((await heat.stackResources(done).toArray()).map((r) => r.resource_name)).toEqual(['only']);

    await heat.suspendStack(name);
    expect((await heat.waitForStack(done, { status: 'SUSPEND_COMPLETE', ...fast })).stack_status).toBe('SUSPEND_COMPLETE');
    await heat.resumeStack(done);
    expect((await heat.waitForStack(done, { status: 'RESUME_COMPLETE', ...fast })).stack_status).toBe('RESUME_COMPLETE');
    await heat.checkStack(done.id);
    expect((await heat.waitForStack(done, { status: 'CHECK_COMPLETE', ...fast })).stack_status).toBe('CHECK_COMPLETE');
  }, 240_000);

  test('a template Heat fetches from template_url', async () => {
    const server: Server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end('heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::RandomString\n    properties: { length: 5 }\noutputs:\n  r: { value: { get_attr: [r, value] } }\n');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tpl.yaml`;
      expect((await heat.validateTemplate({ template_url: url })).Description).toBe('No description');
      const st = await newStack({ stack_name: uniqueName('heat-url'), template_url: url });
      const done = await heat.waitForStack(st, { status: 'CREATE_COMPLETE', ...fast });
      expect(output(done, 'r')).toMatch(/^[A-Za-z0-9]{5}$/);
      await heat.deleteStack(done);
      await heat.waitForStackDelete(done, fast);
    } finally {
      server.close();
    }
  }, 180_000);

  test('a resource that fails: the wait ends with ResourceFailureError carrying Heat\'s reason', async () => {
    const st = await newStack({
      stack_name: uniqueName('heat-fail'),
      template: 'heat_template_version: 2018-08-31\nresources:\n  doomed:\n    type: OS::Heat::TestResource\n    properties:\n      fail: true\n',
    });
    const err = await heat.waitForStack(st, { status: 'CREATE_COMPLETE', ...fast }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceFailureError);
    const failure = err as ResourceFailureError;
    expect(failure.status).toBe('CREATE_FAILED');
    expect(failure.message).toMatch(/reached stack_status CREATE_FAILED/);
    expect(failure.message).toContain('Test Resource failed doomed');
    expect((failure.resource as Stack).stack_status_reason).toContain('Test Resource failed doomed');
    const res = await heat.getStackResource(st, 'doomed');
    expect(res.resource_status).toBe('CREATE_FAILED');
    expect(res.resource_status_reason).toContain('Test Resource failed doomed');
    await heat.deleteStack(st);
    await heat.waitForStackDelete(st, fast);
  }, 180_000);

  test('an update cancelled while it runs rolls back to the previous template', async () => {
    const tpl = (value: string) =>
      `heat_template_version: 2018-08-31\nresources:\n  slow:\n    type: OS::Heat::TestResource\n    properties:\n      value: ${value}\n      action_wait_secs: { update: 8 }\noutputs:\n  v: { value: { get_attr: [slow, output] } }\n`;
    const st = await newStack({ stack_name: uniqueName('heat-cancel'), template: tpl('one'), disable_rollback: false });
    expect(output(await heat.waitForStack(st, { status: 'CREATE_COMPLETE', ...fast }), 'v')).toBe('one');
    await heat.updateStack(st, { template: tpl('two') });
    await heat.waitForStack(st, { status: 'UPDATE_IN_PROGRESS', failures: ['UPDATE_FAILED'], ...fast });
    await heat.cancelStackUpdate(st);
    // A cancelled update is a failure for whoever waits for it to complete, and Heat says why.
    const err = await heat.waitForStack(st, { status: 'UPDATE_COMPLETE', ...fast }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceFailureError);
    expect((err as ResourceFailureError).message).toMatch(/reached stack_status (UPDATE_FAILED|ROLLBACK_COMPLETE).*: .+/);
    const after = await heat.waitForStack(st, { status: 'ROLLBACK_COMPLETE', failures: ['ROLLBACK_FAILED'], ...fast });
    expect(output(after, 'v')).toBe('one');
  }, 180_000);

  test('invalid templates: a typed error with Heat\'s message, and no stack made', async () => {
    const name = uniqueName('heat-bad');
    const unknownType = 'heat_template_version: 2018-08-31\nresources:\n  x:\n    type: OS::Nope::Thing\n';
    const err = await heat.createStack({ stack_name: name, template: unknownType }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).cloudMessage).toBe('The Resource Type (OS::Nope::Thing) could not be found.');
    expect((err as BadRequestError).message).toContain('The Resource Type (OS::Nope::Thing) could not be found.');
    expect((err as BadRequestError).body).toMatchObject({ error: { type: 'StackValidationFailed' } });
    expect(await heat.findStack(name)).toBeUndefined();
    expect(await heat.stacks({ name }).toArray()).toEqual([]);

    const yamlError = await heat.createStack({ stack_name: name, template: '{ not: [valid' }).catch((e: unknown) => e);
    expect(yamlError).toBeInstanceOf(BadRequestError);
    expect((yamlError as BadRequestError).cloudMessage).toMatch(/^Template not in valid format/);

    // A resource referring to a network that does not exist is refused before anything is made.
    const missingNet = 'heat_template_version: 2018-08-31\nresources:\n  p:\n    type: OS::Neutron::Port\n    properties:\n      network: no-such-network-for-heat\n';
    const netError = await heat.createStack({ stack_name: name, template: missingNet }).catch((e: unknown) => e);
    expect(netError).toBeInstanceOf(BadRequestError);
    expect((netError as BadRequestError).cloudMessage).toContain("Unable to find network with name or id 'no-such-network-for-heat'");
    expect(await heat.findStack(name)).toBeUndefined();
  }, 120_000);

  test('bad input is a ValidationError before any request', async () => {
    const before = requests.length;
    const tpl = 'heat_template_version: 2018-08-31\n';
    await expect(heat.createStack({ stack_name: 'no-template' } as never)).rejects.toThrow(ValidationError);
    await expect(heat.createStack({ stack_name: 'both', template: tpl, template_url: 'http://127.0.0.1/x.yaml' })).rejects.toThrow(/template_url/);
    await expect(heat.createStack({ stack_name: '1-starts-with-a-digit', template: tpl })).rejects.toThrow(/attrs.stack_name/);
    await expect(heat.createStack({ stack_name: 'tags', template: tpl, tags: ['a,b'] })).rejects.toThrow(/comma/);
    await expect(heat.createStack({ stack_name: 'url', template_url: 'not a url' })).rejects.toThrow(ValidationError);
    await expect(heat.updateStack({ id: 'x', stack_name: 'y' }, { template: tpl, template_url: 'http://127.0.0.1/x.yaml' })).rejects.toThrow(ValidationError);
    await expect(heat.validateTemplate({})).rejects.toThrow(ValidationError);
    await expect(heat.previewStack({ stack_name: 'p', template: 42 as never })).rejects.toThrow(/attrs.template/);
    await expect(heat.getStack('')).rejects.toThrow(ValidationError);
    await expect(heat.getStackOutput('x', '')).rejects.toThrow(ValidationError);
    expect(requests.length).toBe(before);
  });

  test('abandon leaves the resources and returns what adopt needs; adopt makes a stack of them again, with the same values', async () => {
    const template = 'heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::RandomString\n    properties: { length: 12 }\noutputs:\n  v: { value: { get_attr: [r, value] } }\n';
    const st = await newStack({ stack_name: uniqueName('heat-abandon'), template });
    const value = output(await heat.waitForStack(st, { status: 'CREATE_COMPLETE', ...fast }), 'v') as string;
    expect(value).toHaveLength(12);

    const data = await heat.abandonStack(st);
    expect(data).toMatchObject({ name: st.stack_name, resources: { r: { type: 'OS::Heat::RandomString' } } });
    await heat.waitForStackDelete(st, fast);

    const name = uniqueName('heat-adopt');
    const adopted = await heat.adoptStack({ stack_name: name, template, adopt_stack_data: data });
    made.push(adopted);
    const ready = await heat.waitForStack(adopted, { status: 'ADOPT_COMPLETE', ...fast });
    // The random string was not made again: it is the abandoned stack's.
    expect(output(ready, 'v')).toBe(value);
  }, 120_000);
});

describe('the README example', () => {
  test('a stack from a YAML string: created, waited for, its output read, updated, deleted', async () => {
    const stackName = uniqueName('readme');
    // --- from here as in the README ---
    const template = `
heat_template_version: 2018-08-31
parameters:
  length: { type: number, default: 16 }
resources:
  secret: { type: OS::Heat::RandomString, properties: { length: { get_param: length } } }
outputs:
  secret: { value: { get_attr: [secret, value] } }
`;
    const stack = await conn.orchestration.createStack({ stack_name: stackName, template, parameters: { length: 24 } });
    made.push(stack);
    const ready = await conn.orchestration.waitForStack(stack, { status: 'CREATE_COMPLETE' });
    const { output_value } = await conn.orchestration.getStackOutput(ready, 'secret');

    await conn.orchestration.updateStack(ready, { parameters: { length: 32 } });
    const updated = await conn.orchestration.waitForStack(ready, { status: 'UPDATE_COMPLETE' });

    await conn.orchestration.deleteStack(updated);
    await conn.orchestration.waitForStackDelete(updated);
    // --- to here ---
    expect(output_value).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(output(updated, 'secret')).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(await conn.orchestration.findStack(stackName)).toBeUndefined();
  }, 180_000);
});

describe('listing stacks', () => {
  test('three stacks with one tag, listed with a page size of 2 through Heat\'s next links: exact count, no duplicates', async () => {
    const tag = uniqueName('page');
    const ids = new Set<string>();
    const none = 'heat_template_version: 2018-08-31\nresources:\n  n: { type: OS::Heat::None }\n';
    for (let i = 0; i < 3; i++) ids.add((await newStack({ stack_name: uniqueName('heat-page'), template: none, tags: [tag] })).id);
    const pages: number[] = [];
    const listed: string[] = [];
    for await (const page of heat.stacks({ tags: tag }, { pageSize: 2 }).pages()) {
      pages.push(page.length);
      listed.push(...page.map((st) => st.id));
    }
    expect(pages).toEqual([2, 1]);
    expect(new Set(listed)).toEqual(ids);
    expect(listed).toHaveLength(3);
    for (const id of ids) await heat.deleteStack(id);
    for (const id of ids) await heat.waitForStackDelete(id, fast);
  }, 180_000);
});

describe('snapshots', () => {
  test('a snapshot is taken, listed, got; the stack is updated, then restored to it; the snapshot is deleted', async () => {
    const template = 'heat_template_version: 2018-08-31\nparameters:\n  length: { type: number, default: 6 }\nresources:\n  r:\n    type: OS::Heat::RandomString\n    properties: { length: { get_param: length } }\noutputs:\n  v: { value: { get_attr: [r, value] } }\n';
    const st = await newStack({ stack_name: uniqueName('heat-snap'), template });
    const before = output(await heat.waitForStack(st, { status: 'CREATE_COMPLETE', ...fast }), 'v') as string;
    expect(before).toHaveLength(6);

    const snap = await heat.createStackSnapshot(st, { name: 'first' });
    expect(snap).toMatchObject({ name: 'first', status: expect.stringMatching(/IN_PROGRESS|COMPLETE/) });
    const done = await heat.waitForStackSnapshot(st, snap, fast);
    expect(done).toMatchObject({ id: snap.id, status: 'COMPLETE' });
    // The stack itself leaves SNAPSHOT_IN_PROGRESS a moment later; an update before that is refused.
    await heat.waitForStack(st, { status: 'SNAPSHOT_COMPLETE', ...fast });
    expect(done.data).toMatchObject({ resources: { r: { resource_data: { value: before } } } });
    expect((await heat.stackSnapshots(st).toArray()).map((x) => x.id)).toEqual([snap.id]);
    expect((await heat.getStackSnapshot(st.stack_name, snap.id)).name).toBe('first');

    await heat.updateStack(st, { parameters: { length: 9 } });
    expect(output(await heat.waitForStack(st, { status: 'UPDATE_COMPLETE', ...fast }), 'v')).toHaveLength(9);
    await heat.restoreStackSnapshot(st, snap);
    const restored = await heat.waitForStack(st, { status: 'RESTORE_COMPLETE', ...fast });
    // Back to the snapshot's parameters (a RandomString makes a new value of the old length).
    expect(restored.parameters).toMatchObject({ length: '6' });
    expect(output(restored, 'v')).toHaveLength(6);

    await heat.deleteStackSnapshot(st, snap);
    // Heat deletes a snapshot in the background.
    await heat.waitForStackSnapshotDelete(st, snap, fast);
    await expect(heat.getStackSnapshot(st, snap)).rejects.toBeInstanceOf(NotFoundError);
    await heat.deleteStackSnapshot(st, snap, { ignoreMissing: true });
    await expect(heat.deleteStackSnapshot(st, snap)).rejects.toBeInstanceOf(NotFoundError);
  }, 180_000);
});

describe('software configs', () => {
  test('created, got, found by name, listed a page at a time by marker, deleted', async () => {
    const ids: string[] = [];
    try {
      const name = uniqueName('cfg');
      const cfg = await heat.createSoftwareConfig({ name, group: 'script', config: '#!/bin/sh\necho $foo', inputs: [{ name: 'foo', type: 'String' }] });
      ids.push(cfg.id);
      expect(cfg).toMatchObject({ name, group: 'script', config: '#!/bin/sh\necho $foo', inputs: [{ name: 'foo', type: 'String' }] });
      expect((await heat.getSoftwareConfig(cfg.id)).config).toBe('#!/bin/sh\necho $foo');
      expect((await heat.findSoftwareConfig(name))?.id).toBe(cfg.id);
      expect(await heat.findSoftwareConfig(uniqueName('no-such-cfg'))).toBeUndefined();
      for (let i = 0; i < 2; i++) ids.push((await heat.createSoftwareConfig({ name: `${name}-${i}`, config: 'true' })).id);

      const pages: number[] = [];
      const listed: string[] = [];
      for await (const page of heat.softwareConfigs({}, { pageSize: 1 }).pages()) {
        pages.push(page.length);
        listed.push(...page.map((c) => c.id));
      }
      expect(pages.every((n) => n === 1)).toBe(true);
      expect(listed).toEqual(expect.arrayContaining(ids));
      expect(new Set(listed).size).toBe(listed.length);

      await heat.deleteSoftwareConfig(cfg);
      await expect(heat.getSoftwareConfig(cfg.id)).rejects.toBeInstanceOf(NotFoundError);
      await heat.deleteSoftwareConfig(cfg.id, { ignoreMissing: true });
      await expect(heat.createSoftwareConfig({ name: '' })).rejects.toThrow(ValidationError);
    } finally {
      for (const id of ids) await heat.deleteSoftwareConfig(id, { ignoreMissing: true });
    }
  });
});

describe('templates and resource types', () => {
  test('validate: parameters and description of a valid template; Heat\'s message for an invalid one', async () => {
    const v = await heat.validateTemplate({ template: netAndString, parameters: { net_name: 'x' } });
    expect(v.Description).toBe('a network and a random string');
    expect(v.Parameters?.length).toMatchObject({ Type: 'Number', Default: 8 });
    expect(v.Parameters?.net_name).toMatchObject({ Type: 'String' });
    const err = await heat.validateTemplate({ template: { heat_template_version: '2018-08-31', resources: { x: { type: 'OS::Nope::Thing' } } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).cloudMessage).toBe('The Resource Type (OS::Nope::Thing) could not be found.');
  });

  test('preview: the resources a stack would make, with their properties; nothing is made', async () => {
    const name = uniqueName('heat-preview');
    const p = await heat.previewStack({ stack_name: name, template: netAndString, parameters: { length: 7, net_name: 'preview-net' } });
    expect(p.stack_name).toBe(name);
    const byName = Object.fromEntries(p.resources.map((r) => [(r as { resource_name: string }).resource_name, r as { resource_type: string; properties?: Record<string, unknown> }]));
    expect(byName.net).toMatchObject({ resource_type: 'OS::Neutron::Net', properties: { name: 'preview-net' } });
    expect(byName.secret).toMatchObject({ resource_type: 'OS::Heat::RandomString', properties: { length: 7 } });
    expect(await heat.findStack(name)).toBeUndefined();
  });

  test('resource types: listed, filtered by a regular expression, with descriptions, one type\'s schema and template', async () => {
    const all = (await heat.resourceTypes().toArray()).map((t) => t.resource_type);
    expect(all).toEqual(expect.arrayContaining(['OS::Neutron::Net', 'OS::Heat::RandomString', 'OS::Heat::TestResource']));
    expect((await heat.resourceTypes({ name: '^OS::Heat::Random' }).toArray()).map((t) => t.resource_type)).toEqual(['OS::Heat::RandomString']);
    const described = await heat.resourceTypes({ name: '^OS::Heat::RandomString$', with_description: true }).toArray();
    expect(described).toHaveLength(1);
    expect(described[0]!.description).toMatch(/random string/i);

    const t = await heat.getResourceType('OS::Heat::RandomString');
    expect(t.resource_type).toBe('OS::Heat::RandomString');
    expect(t.properties.length).toMatchObject({ type: 'integer', default: 32 });
    expect(t.attributes).toHaveProperty('value');
    await expect(heat.getResourceType('OS::Nope::Thing')).rejects.toBeInstanceOf(NotFoundError);

    const tpl = await heat.getResourceTypeTemplate('OS::Heat::RandomString');
    expect(tpl).toMatchObject({ resources: { RandomString: { type: 'OS::Heat::RandomString' } } });
  });

  test('template versions and their functions', async () => {
    const versions = await heat.templateVersions().toArray();
    expect(versions).toEqual(expect.arrayContaining([expect.objectContaining({ version: 'heat_template_version.2018-08-31', type: 'hot' })]));
    const fns = (await heat.templateFunctions('heat_template_version.2018-08-31').toArray()).map((f) => f.functions);
    expect(fns).toEqual(expect.arrayContaining(['get_attr', 'get_param', 'get_file', 'str_replace']));
  });
});
