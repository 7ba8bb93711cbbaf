import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { BadRequestError, ConflictError, NotFoundError, ResourceFailureError, ValidationError } from '../../src/index.js';
import { clustering, type Cluster, type Profile } from '../../src/services/clustering/index.js';
import { cloud, cloudOptions, uniqueName } from '../helpers/cloud.js';

// Every request, with the microversion header it carried: bad input must send nothing.
const sent: string[] = [];
const versions = new Set<string>();
const docVersions = new Set<string>();
const conn = new Connection({
  ...cloudOptions('local-demo'),
  services: [clustering],
  fetch: (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
    const mv = new Headers(init?.headers).get('openstack-api-version');
    // Version documents are asked for with `clustering latest`, to learn the range.
    const versionDoc = /^\/(v1\/?)?$/.test(new URL(String(input)).pathname);
    if (mv) (versionDoc ? docVersions : versions).add(mv);
    return fetch(input, init);
  },
});
const cl = conn.clustering;

// Nodes are real Heat stacks of one RandomString: a few seconds each on this cloud.
const template = {
  heat_template_version: '2016-10-14',
  resources: { word: { type: 'OS::Heat::RandomString', properties: { length: 6 } } },
  outputs: { value: { value: { get_attr: ['word', 'value'] } } },
};
const stackSpec = { type: 'os.heat.stack', version: '1.0', properties: { template } };
const wait = { interval: 1000, maxInterval: 3000, timeout: 240_000 };
// Fake-driver Nova servers take longer (scheduling, ports) on this small machine.
const slow = { interval: 2000, maxInterval: 5000, timeout: 400_000 };

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f().catch(() => undefined);
}, 600_000);

/** Deletes the Heat stacks Senlin made for these nodes (tagged `cluster_node_id=<id>`). */
async function deleteStacksOf(nodeIds: readonly string[]) {
  const heat = String(cloud.endpoints.orchestration).replace('%(project_id)s', cloud.users.demo.projectId);
  for (const id of nodeIds) {
    const res = await conn.session.request<{ stacks: { id: string; stack_name: string }[] }>({ path: `${heat}/stacks`, query: { tags: `cluster_node_id=${id}` } });
    for (const st of res.data.stacks) await conn.session.request({ path: `${heat}/stacks/${st.stack_name}/${st.id}`, method: 'DELETE', responseType: 'none', okStatuses: [404] });
  }
}

let profile: Profile;
let cluster: Cluster;
const clusterNodes = async () => (await cl.nodes({ cluster_id: cluster.id }).toArray()).map((n) => n.id).sort();

beforeAll(async () => {
  profile = await cl.createProfile({ name: uniqueName('sdk-stack'), spec: stackSpec, metadata: { purpose: 'sdk-test' } });
  cleanup.push(() => cl.deleteProfile(profile, { ignoreMissing: true }));
});

describe('types, profiles and validation', () => {
  test('profile and policy types are listed and read with their schema', async () => {
    const types = await cl.profileTypes().toArray();
    expect(types.map((t) => `${t.name}-${t.version}`)).toEqual(expect.arrayContaining(['os.heat.stack-1.0', 'os.nova.server-1.0']));
    const heat = await cl.getProfileType('os.heat.stack-1.0');
    expect(heat.name).toBe('os.heat.stack-1.0');
    expect(Object.keys(heat.schema ?? {})).toEqual(expect.arrayContaining(['template', 'parameters']));

    const policyTypes = await cl.policyTypes().toArray();
    expect(policyTypes.map((t) => `${t.name}-${t.version}`)).toEqual(expect.arrayContaining(['senlin.policy.deletion-1.0', 'senlin.policy.scaling-1.0']));
    const deletion = await cl.getPolicyType('senlin.policy.deletion-1.0');
    expect(Object.keys(deletion.schema ?? {})).toEqual(expect.arrayContaining(['criteria']));

    const info = await cl.getBuildInfo();
    expect(info.api).toBeTypeOf('object');
    // Every call carried the negotiated microversion.
    expect([...versions]).toEqual(['clustering 1.14']);
    expect([...docVersions]).toEqual(['clustering latest']);
  });

  test('profiles: created, read, found, listed with filters, renamed, validated, deleted', async () => {
    expect(profile).toMatchObject({ type: 'os.heat.stack-1.0', metadata: { purpose: 'sdk-test' }, spec: { properties: { template: { resources: { word: { type: 'OS::Heat::RandomString' } } } } } });
    expect((await cl.getProfile(profile.id)).name).toBe(profile.name);
    expect((await cl.findProfile(profile.name))?.id).toBe(profile.id);
    expect(await cl.findProfile(uniqueName('no-such-profile'))).toBeUndefined();
    expect((await cl.profiles({ name: profile.name }).toArray()).map((p) => p.id)).toEqual([profile.id]);

    const other = await cl.createProfile({ name: uniqueName('sdk-other'), spec: stackSpec });
    cleanup.push(() => cl.deleteProfile(other, { ignoreMissing: true }));
    const renamed = await cl.updateProfile(other, { name: `${other.name}-renamed`, metadata: { k: 'v' } });
    expect(renamed).toMatchObject({ id: other.id, name: `${other.name}-renamed`, metadata: { k: 'v' } });
    expect((await cl.getProfile(other)).name).toBe(`${other.name}-renamed`);

    const checked = await cl.validateProfile({ spec: stackSpec });
    expect(checked.type).toBe('os.heat.stack-1.0');
    await expect(cl.validateProfile({ spec: { type: 'os.heat.stack', version: '1.0', properties: { template: 'not a template at all' } } })).rejects.toThrow(BadRequestError);

    await cl.deleteProfile(other);
    await expect(cl.getProfile(other)).rejects.toThrow(NotFoundError);
    await expect(cl.deleteProfile(other)).rejects.toThrow(NotFoundError);
    await cl.deleteProfile(other, { ignoreMissing: true });
  });

  test('bad input the SDK can tell is rejected before any request; a profile Senlin does not know comes back as its message', async () => {
    const before = sent.length;
    const bad: [() => Promise<unknown>, string][] = [
      [() => cl.createCluster({ name: 'x', profile_id: profile.id, desired_capacity: -1 }), 'attrs.desired_capacity'],
      [() => cl.createCluster({ name: 'x', profile_id: profile.id, min_size: 3, max_size: 2 }), 'attrs.min_size'],
      [() => cl.createCluster({ name: 'x', profile_id: profile.id, desired_capacity: 5, max_size: 2 }), 'attrs.desired_capacity'],
      [() => cl.createCluster({ name: 'x', profile_id: profile.id, desired_capacity: 1.5 }), 'attrs.desired_capacity'],
      [() => cl.createCluster({ name: '', profile_id: profile.id }), 'attrs.name'],
      [() => cl.resizeCluster('some-cluster', { adjustment_type: 'EXACT_CAPACITY', number: -2 }), 'attrs.number'],
      [() => cl.resizeCluster('some-cluster', { min_size: 4, max_size: 1 }), 'attrs.min_size'],
      [() => cl.resizeCluster('some-cluster', { adjustment_type: 'EXACT_CAPACITY' }), 'attrs.number'],
      [() => cl.scaleOutCluster('some-cluster', 0), 'count'],
      [() => cl.scaleInCluster('some-cluster', -1), 'count'],
      [() => cl.addNodesToCluster('some-cluster', []), 'nodes'],
      [() => cl.createReceiver({ name: 'hook', type: 'webhook', action: 'CLUSTER_SCALE_OUT' }), 'attrs.cluster_id'],
      [() => cl.createPolicy({ name: 'p', spec: { type: 'senlin.policy.deletion', version: '', properties: {} } }), 'attrs.spec.version'],
      [() => cl.waitForAction({ action_id: '' }), 'action'],
    ];
    for (const [call, field] of bad) {
      const err = await call().then(() => undefined, (e: unknown) => e);
      expect(err, field).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe(field);
    }
    expect(sent.length).toBe(before);

    const err = await cl.createCluster({ name: uniqueName('sdk-bad'), profile_id: 'no-such-profile', desired_capacity: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).cloudMessage).toBe("The specified profile 'no-such-profile' could not be found.");
  });
});

describe('failures carry Senlin\'s reason', () => {
  test('a cluster whose node cannot be built: the action fails and the cluster settles in WARNING, each with its reason; force deletes it', async () => {
    const failing = await cl.createProfile({
      name: uniqueName('sdk-failing'),
      spec: { type: 'os.heat.stack', version: '1.0', properties: { template: { heat_template_version: '2016-10-14', resources: { boom: { type: 'OS::Heat::TestResource', properties: { fail: true } } } } } },
    });
    cleanup.push(() => cl.deleteProfile(failing, { ignoreMissing: true }));
    // Senlin waits for the failed stack until the cluster's timeout: a short one.
    const doomed = await cl.createCluster({ name: uniqueName('sdk-doomed'), profile_id: failing.id, desired_capacity: 1, timeout: 10 });
    // A forced delete leaves the failed stack of the node whose creation it cut short: it goes here.
    const doomedNodes: string[] = [];
    cleanup.push(async () => {
      await cl.deleteCluster(doomed, { ignoreMissing: true, force: true });
      await cl.waitForClusterDelete(doomed, wait);
      await deleteStacksOf(doomedNodes);
    });
    const actionErr = await cl.waitForAction(doomed, wait).catch((e: unknown) => e);
    expect(actionErr).toBeInstanceOf(ResourceFailureError);
    expect((actionErr as ResourceFailureError).status).toBe('FAILED');
    expect((actionErr as Error).message).toMatch(/^action \S+ reached status FAILED while waiting for succeeded: Failed in creating nodes\.$/);

    const err = await cl.waitForCluster(doomed, wait).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceFailureError);
    expect((err as ResourceFailureError).status).toBe('WARNING');
    expect((err as Error).message).toContain('reached status WARNING while waiting for active: CLUSTER_CREATE: number of active nodes is below desired_capacity (1).');

    doomedNodes.push(...(await cl.nodes({ cluster_id: doomed.id }).toArray()).map((n) => n.id));
    expect(doomedNodes).toHaveLength(1);
    // Its node's creation is still running (Senlin waits on the failed stack): `force` deletes it anyway.
    const done = await cl.deleteCluster(doomed, { force: true });
    expect((await cl.waitForAction(done!, wait)).action).toBe('CLUSTER_DELETE');
    await cl.waitForClusterDelete(doomed, wait);
    await cl.deleteProfile(failing);
  });
});

describe('a cluster of Heat stack nodes', () => {
  test('created with one node and waited for through its action, then found, listed and updated', async () => {
    const created = await cl.createCluster({ name: uniqueName('sdk-cluster'), profile_id: profile.name, desired_capacity: 1, min_size: 0, max_size: 5, metadata: { app: 'sdk' } });
    cluster = created;
    cleanup.push(async () => {
      await cl.deleteCluster(created, { ignoreMissing: true });
      await cl.waitForClusterDelete(created, wait);
    });
    expect(created).toMatchObject({ status: 'INIT', profile_id: profile.id, desired_capacity: 1, max_size: 5 });
    expect(created.action_id).toMatch(/^[0-9a-f-]{36}$/);

    const action = await cl.waitForAction(created, wait);
    expect(action).toMatchObject({ id: created.action_id, action: 'CLUSTER_CREATE', status: 'SUCCEEDED', target: created.id });
    cluster = await cl.waitForCluster(created, wait);
    expect(cluster.status).toBe('ACTIVE');
    expect(cluster.nodes).toHaveLength(1);
    expect(await clusterNodes()).toEqual(cluster.nodes);

    // Senlin's own reason, not its generic "There was a conflict" line.
    const inUse = await cl.deleteProfile(profile).catch((e: unknown) => e);
    expect(inUse).toBeInstanceOf(ConflictError);
    expect((inUse as Error).message).toMatch(/cannot be deleted: still referenced by some clusters and\/or nodes/);

    expect((await cl.getCluster(created.id)).name).toBe(created.name);
    expect((await cl.findCluster(created.name))?.id).toBe(created.id);
    expect((await cl.clusters({ name: created.name }).toArray()).map((c) => c.id)).toEqual([created.id]);

    const updated = await cl.updateCluster(cluster, { name: `${created.name}-r`, metadata: { app: 'sdk', tier: 'web' } });
    expect(updated.action_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await cl.waitForAction(updated.action_id, wait)).action).toBe('CLUSTER_UPDATE');
    cluster = await cl.getCluster(cluster);
    expect(cluster).toMatchObject({ name: `${created.name}-r`, metadata: { app: 'sdk', tier: 'web' } });
  });

  test('scaled out to 3, in to 2, resized to 1, counting the nodes each time', async () => {
    await cl.waitForAction(await cl.scaleOutCluster(cluster, 2), wait);
    cluster = await cl.waitForCluster(cluster, wait);
    expect(cluster.desired_capacity).toBe(3);
    expect(await clusterNodes()).toHaveLength(3);

    const scaledIn = await cl.scaleInCluster(cluster, 1);
    expect((await cl.waitForAction(scaledIn, wait)).action).toBe('CLUSTER_SCALE_IN');
    cluster = await cl.waitForCluster(cluster, wait);
    expect(cluster.desired_capacity).toBe(2);
    expect(await clusterNodes()).toHaveLength(2);

    await cl.waitForAction(await cl.resizeCluster(cluster, { adjustment_type: 'EXACT_CAPACITY', number: 1, min_size: 1, max_size: 4 }), wait);
    cluster = await cl.waitForCluster(cluster, wait);
    expect(cluster).toMatchObject({ desired_capacity: 1, min_size: 1, max_size: 4 });
    expect(await clusterNodes()).toHaveLength(1);

    // Below min_size: Senlin takes the request, and its action fails with the reason.
    const tooSmall = await cl.scaleInCluster(cluster, 1);
    const err = await cl.waitForAction(tooSmall, wait).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceFailureError);
    expect((err as ResourceFailureError).status).toBe('FAILED');
    expect((err as Error).message).toMatch(/action .* reached status FAILED .*: .*min_size/i);
    expect(await clusterNodes()).toHaveLength(1);
  });

  test('a node on its own: created, read with its stack, found, renamed, checked, recovered, deleted', async () => {
    const node = await cl.createNode({ name: uniqueName('sdk-node'), profile_id: profile.id, role: 'spare', metadata: { n: '1' } });
    cleanup.push(async () => {
      await cl.deleteNode(node, { ignoreMissing: true });
      await cl.waitForNodeDelete(node, wait);
    });
    expect(node).toMatchObject({ status: 'INIT', profile_id: profile.id, role: 'spare' });
    expect(node.action_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await cl.waitForAction(node, wait)).action).toBe('NODE_CREATE');
    const active = await cl.waitForNode(node, wait);
    expect(active.physical_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(active.cluster_id || undefined).toBeUndefined();
    // The node is a real Heat stack: its details are the stack, outputs included.
    const detailed = await cl.getNode(node, { details: true });
    expect(detailed.details).toMatchObject({ status: 'CREATE_COMPLETE', outputs: [{ output_key: 'value', output_value: expect.stringMatching(/^\w{6}$/) }] });
    expect((await cl.getNode(node.id)).details).toBeUndefined();
    expect((await cl.findNode(node.name))?.id).toBe(node.id);
    expect((await cl.nodes({ name: node.name }).toArray()).map((n) => n.id)).toEqual([node.id]);

    const renamed = await cl.updateNode(node, { name: `${node.name}-r`, metadata: { n: '2' } });
    expect(renamed.action_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await cl.waitForAction(renamed, wait)).action).toBe('NODE_UPDATE');
    expect(await cl.getNode(node)).toMatchObject({ name: `${node.name}-r`, metadata: { n: '2' } });

    expect((await cl.waitForAction(await cl.checkNode(node), wait)).action).toBe('NODE_CHECK');
    const recovered = await cl.waitForAction(await cl.recoverNode(node, { operation: 'RECREATE' }), wait);
    expect(recovered).toMatchObject({ action: 'NODE_RECOVER', target: node.id });
    const after = await cl.waitForNode(node, wait);
    expect(after.physical_id).not.toBe(active.physical_id);

    const gone = await cl.deleteNode(node);
    expect(gone?.action_id).toMatch(/^[0-9a-f-]{36}$/);
    await cl.waitForNodeDelete(node, wait);
    await expect(cl.getNode(node)).rejects.toThrow(NotFoundError);
    expect(await cl.deleteNode(node, { ignoreMissing: true })).toBeUndefined();
  });

  test('a deletion policy: created, attached, disabled, detached, deleted', async () => {
    const spec = { type: 'senlin.policy.deletion', version: '1.0', properties: { criteria: 'OLDEST_FIRST', destroy_after_deletion: true } };
    expect((await cl.validatePolicy({ spec })).type).toBe('senlin.policy.deletion-1.0');
    const policy = await cl.createPolicy({ name: uniqueName('sdk-deletion'), spec });
    cleanup.push(() => cl.deletePolicy(policy, { ignoreMissing: true }));
    expect(policy).toMatchObject({ type: 'senlin.policy.deletion-1.0', spec: { properties: { criteria: 'OLDEST_FIRST' } } });
    expect((await cl.getPolicy(policy.id)).name).toBe(policy.name);
    expect((await cl.findPolicy(policy.name))?.id).toBe(policy.id);
    expect((await cl.policies({ type: 'senlin.policy.deletion-1.0' }).toArray()).map((p) => p.id)).toContain(policy.id);
    expect((await cl.updatePolicy(policy, { name: `${policy.name}-r` })).name).toBe(`${policy.name}-r`);

    expect((await cl.waitForAction(await cl.attachPolicyToCluster(cluster, policy), wait)).action).toBe('CLUSTER_ATTACH_POLICY');
    expect((await cl.clusterPolicies(cluster).toArray()).map((b) => [b.policy_id, b.enabled])).toEqual([[policy.id, true]]);
    // The cluster lists its bindings (not the policies) by id.
    expect((await cl.getCluster(cluster)).policies).toHaveLength(1);

    await cl.waitForAction(await cl.updateClusterPolicy(cluster, policy, { enabled: false }), wait);
    expect(await cl.getClusterPolicy(cluster, policy)).toMatchObject({ policy_id: policy.id, cluster_id: cluster.id, enabled: false, policy_type: 'senlin.policy.deletion-1.0' });

    await cl.waitForAction(await cl.detachPolicyFromCluster(cluster, policy), wait);
    expect(await cl.clusterPolicies(cluster).toArray()).toEqual([]);
    await expect(cl.getClusterPolicy(cluster, policy)).rejects.toThrow(NotFoundError);

    await cl.deletePolicy(policy);
    await expect(cl.getPolicy(policy)).rejects.toThrow(NotFoundError);
  });

  test('checked and recovered', async () => {
    const check = await cl.waitForAction(await cl.checkCluster(cluster), wait);
    expect(check).toMatchObject({ action: 'CLUSTER_CHECK', status: 'SUCCEEDED', target: cluster.id });
    const recover = await cl.waitForAction(await cl.recoverCluster(cluster, { check: true }), wait);
    expect(recover).toMatchObject({ action: 'CLUSTER_RECOVER', status: 'SUCCEEDED' });
    cluster = await cl.waitForCluster(cluster, wait);
    expect(await clusterNodes()).toHaveLength(1);
  });

  test('a webhook receiver scales the cluster out when posted to', async () => {
    const hook = await cl.createReceiver({ name: uniqueName('sdk-hook'), type: 'webhook', cluster_id: cluster.id, action: 'CLUSTER_SCALE_OUT', params: { count: 1 } });
    cleanup.push(() => cl.deleteReceiver(hook, { ignoreMissing: true }));
    expect(hook).toMatchObject({ type: 'webhook', cluster_id: cluster.id, action: 'CLUSTER_SCALE_OUT', channel: { alarm_url: expect.stringContaining('/webhooks/') } });
    expect((await cl.getReceiver(hook.id)).name).toBe(hook.name);
    expect((await cl.findReceiver(hook.name))?.id).toBe(hook.id);
    expect((await cl.receivers({ cluster_id: cluster.id }).toArray()).map((x) => x.id)).toEqual([hook.id]);
    expect(await cl.updateReceiver(hook, { name: `${hook.name}-r` })).toMatchObject({ id: hook.id, name: `${hook.name}-r` });

    const fired = await cl.triggerReceiver(hook.id);
    expect((await cl.waitForAction(fired, wait)).action).toBe('CLUSTER_SCALE_OUT');
    cluster = await cl.waitForCluster(cluster, wait);
    expect(await clusterNodes()).toHaveLength(2);

    await cl.deleteReceiver(hook);
    await expect(cl.getReceiver(hook)).rejects.toThrow(NotFoundError);
    await expect(cl.triggerReceiver(hook)).rejects.toThrow(NotFoundError);
  });

  test('events and actions are listed a page at a time, read and found', async () => {
    const pages: string[][] = [];
    for await (const page of cl.actions({ target: cluster.id, sort: 'created_at:asc' }, { pageSize: 3 }).pages()) pages.push(page.map((a) => a.id));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.length <= 3)).toBe(true);
    const all = pages.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual((await cl.actions({ target: cluster.id, sort: 'created_at:asc' }).toArray()).map((a) => a.id));
    const first = await cl.getAction(all[0]!);
    expect(first).toMatchObject({ action: 'CLUSTER_CREATE', target: cluster.id, status: 'SUCCEEDED' });
    expect((await cl.findAction(first.name))?.id).toBe(first.id);

    const events: string[][] = [];
    for await (const page of cl.events({ cluster_id: cluster.id, sort: 'timestamp:asc' }, { pageSize: 5 }).pages()) events.push(page.map((e) => e.id));
    expect(events.length).toBeGreaterThan(1);
    const ids = events.flat();
    expect(new Set(ids).size).toBe(ids.length);
    const event = await cl.getEvent(ids[0]!);
    expect(event).toMatchObject({ id: ids[0], cluster_id: cluster.id });
    expect((await cl.events({ oid: cluster.id, action: 'CLUSTER_SCALE_OUT' }).toArray()).every((e) => e.action === 'CLUSTER_SCALE_OUT')).toBe(true);
  });

  test('deleted through its action, and gone', async () => {
    const done = await cl.deleteCluster(cluster);
    expect(done?.action_id).toMatch(/^[0-9a-f-]{36}$/);
    await cl.waitForClusterDelete(cluster, wait);
    expect((await cl.getAction(done!.action_id)).action).toBe('CLUSTER_DELETE');
    await expect(cl.getCluster(cluster)).rejects.toThrow(NotFoundError);
    expect(await cl.deleteCluster(cluster, { ignoreMissing: true })).toBeUndefined();
    // With its cluster gone, the profile is free to go.
    await cl.deleteProfile(profile);
    await expect(cl.getProfile(profile)).rejects.toThrow(NotFoundError);
  });
});

// Senlin's os.heat.stack profile cannot move a node into or out of a cluster on this Heat (it
// re-tags the stack with a PATCH Heat rejects: "No template specified"), so nodes join and leave
// clusters of Nova servers here (Nova's fake driver).
describe('nodes joining and leaving a cluster of Nova servers', () => {
  test('a spare node added, removed, swapped in for a member; the member deleted', async () => {
    const nova = await cl.createProfile({
      name: uniqueName('sdk-server'),
      spec: { type: 'os.nova.server', version: '1.0', properties: { flavor: 'm1.nano', image: 'cirros-fake', networks: [{ network: 'private' }] } },
    });
    cleanup.push(() => cl.deleteProfile(nova, { ignoreMissing: true }));
    // One after the other: Senlin keeps its state in sqlite here, and two node builds at once can
    // fail with "database is locked".
    const group = await cl.createCluster({ name: uniqueName('sdk-servers'), profile_id: nova.id, desired_capacity: 1 });
    cleanup.push(async () => {
      await cl.deleteCluster(group, { ignoreMissing: true });
      await cl.waitForClusterDelete(group, slow);
    });
    await cl.waitForAction(group, slow);
    const spare = await cl.createNode({ name: uniqueName('sdk-spare'), profile_id: nova.id });
    cleanup.push(async () => {
      await cl.deleteNode(spare, { ignoreMissing: true });
      await cl.waitForNodeDelete(spare, slow);
    });
    await cl.waitForAction(spare, slow);
    const members = async () => (await cl.nodes({ cluster_id: group.id }).toArray()).map((n) => n.id).sort();
    const [original] = await members();

    await cl.waitForAction(await cl.addNodesToCluster(group, [spare]), slow);
    expect(await members()).toEqual([original, spare.id].sort());
    expect((await cl.getNode(spare)).cluster_id).toBe(group.id);
    expect((await cl.getCluster(group)).desired_capacity).toBe(2);

    await cl.waitForAction(await cl.removeNodesFromCluster(group, [spare.id], { destroy: false }), slow);
    expect(await members()).toEqual([original]);
    expect((await cl.getNode(spare)).cluster_id || undefined).toBeUndefined();

    // The member goes out, the spare goes in; the old member stays as a node of no cluster.
    await cl.waitForAction(await cl.replaceNodesInCluster(group, { [original!]: spare.id }), slow);
    expect(await members()).toEqual([spare.id]);
    expect((await cl.getNode(original!)).cluster_id || undefined).toBeUndefined();

    await cl.deleteNode(original!);
    await cl.waitForNodeDelete(original!, slow);
    await cl.deleteCluster(group);
    await cl.waitForClusterDelete(group, slow);
    await expect(cl.getNode(spare)).rejects.toThrow(NotFoundError);
    await cl.deleteProfile(nova);
  }, 900_000);
});
