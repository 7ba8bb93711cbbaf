import { afterAll, describe, expect, test } from 'vitest';
import { ConflictError, NotFoundError, ValidationError, type Service } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

/** Regions, services, endpoints, registered limits and limits against the local cloud. */
const admin = connectTo('local-admin');
const id = admin.identity;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

describe('regions', () => {
  test('create (with and without an id), get, list, update, delete', async () => {
    const parent = await id.createRegion({ id: uniqueName('sdk-region'), description: 'top' });
    cleanups.push(() => id.deleteRegion(parent, { ignoreMissing: true }));
    const child = await id.createRegion({ parent_region_id: parent.id });
    cleanups.push(() => id.deleteRegion(child, { ignoreMissing: true }));
    expect(child.id).toMatch(/\w+/);
    expect((await id.getRegion(parent.id)).description).toBe('top');
    expect((await id.regions({ parent_region_id: parent.id }).toArray()).map((r) => r.id)).toEqual([child.id]);
    expect((await id.updateRegion(child, { description: 'leaf' })).description).toBe('leaf');
    await id.deleteRegion(child);
    await id.deleteRegion(parent);
    await expect(id.getRegion(parent.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('services and endpoints', () => {
  test('create, get, find, list, update, delete', async () => {
    const type = uniqueName('sdk-type');
    const svc = await id.createService({ type, name: uniqueName('sdk-svc'), description: 'd' });
    cleanups.push(() => id.deleteService(svc, { ignoreMissing: true }));
    expect((await id.getService(svc.id)).type).toBe(type);
    expect((await id.findService(svc.name!))?.id).toBe(svc.id);
    expect((await id.services({ type }).toArray()).map((s) => s.id)).toEqual([svc.id]);
    expect((await id.updateService(svc, { enabled: false })).enabled).toBe(false);

    const ep = await id.createEndpoint({ service_id: svc.id, interface: 'public', url: 'http://127.0.0.1:9/x', region_id: cloud.region });
    cleanups.push(() => id.deleteEndpoint(ep, { ignoreMissing: true }));
    expect(ep).toMatchObject({ service_id: svc.id, interface: 'public', region_id: cloud.region });
    expect((await id.getEndpoint(ep.id)).url).toBe('http://127.0.0.1:9/x');
    expect((await id.endpoints({ service_id: svc.id }).toArray()).map((e) => e.id)).toEqual([ep.id]);
    expect(await id.endpoints({ service_id: svc.id, interface: 'admin' }).toArray()).toEqual([]);
    expect((await id.updateEndpoint(ep, { url: 'http://127.0.0.1:9/y' })).url).toBe('http://127.0.0.1:9/y');
    await id.deleteEndpoint(ep);
    await expect(id.getEndpoint(ep)).rejects.toBeInstanceOf(NotFoundError);
    await id.deleteService(svc);
    expect(await id.findService(svc.id)).toBeUndefined();
  });

  test('bad endpoint input is refused before sending', async () => {
    await expect(id.createEndpoint({ service_id: 's', interface: 'private' as never, url: 'http://x' })).rejects.toMatchObject({
      field: 'attrs.interface',
    });
    await expect(id.createEndpoint({ service_id: 's', interface: 'public', url: 'not a url' })).rejects.toMatchObject({ field: 'attrs.url' });
    await expect(id.createService({ type: '' })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('registered limits and limits', () => {
  // A project-scoped token sees only its own project's limits: work system-scoped.
  const id = connectTo('local-system-admin').identity;
  let svc: Service;
  test('registered limits: single and list create, get, list, update, delete', async () => {
    svc = await id.createService({ type: uniqueName('sdk-limited'), name: uniqueName('sdk-limited') });
    cleanups.push(() => id.deleteService(svc, { ignoreMissing: true }));
    const one = await id.createRegisteredLimit({ service_id: svc.id, resource_name: 'widgets', default_limit: 10, description: 'w' });
    cleanups.push(() => id.deleteRegisteredLimit(one, { ignoreMissing: true }));
    expect(one).toMatchObject({ service_id: svc.id, resource_name: 'widgets', default_limit: 10 });
    const two = await id.createRegisteredLimits([
      { service_id: svc.id, resource_name: 'gadgets', default_limit: 5 },
      { service_id: svc.id, resource_name: 'gizmos', default_limit: -1, region_id: cloud.region },
    ]);
    for (const l of two) cleanups.push(() => id.deleteRegisteredLimit(l, { ignoreMissing: true }));
    expect(two.map((l) => l.resource_name).sort()).toEqual(['gadgets', 'gizmos']);
    expect((await id.getRegisteredLimit(one.id)).description).toBe('w');
    expect((await id.registeredLimits({ service_id: svc.id }).toArray()).length).toBe(3);
    expect((await id.registeredLimits({ service_id: svc.id, resource_name: 'gizmos' }).toArray()).map((l) => l.default_limit)).toEqual([-1]);
    expect((await id.updateRegisteredLimit(one, { default_limit: 20 })).default_limit).toBe(20);
    // The same resource twice is a conflict: nothing of the batch is created.
    await expect(
      id.createRegisteredLimits([
        { service_id: svc.id, resource_name: 'new-one', default_limit: 1 },
        { service_id: svc.id, resource_name: 'widgets', default_limit: 1 },
      ]),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await id.registeredLimits({ service_id: svc.id, resource_name: 'new-one' }).toArray()).toEqual([]);
    await id.deleteRegisteredLimit(two[0]!);
    await expect(id.getRegisteredLimit(two[0]!)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('project limits: create, get, list, update, delete; the model', async () => {
    const project = cloud.projects.demo.id;
    const limit = await id.createLimit({ service_id: svc.id, project_id: project, resource_name: 'widgets', resource_limit: 3 });
    cleanups.push(() => id.deleteLimit(limit, { ignoreMissing: true }));
    expect(limit).toMatchObject({ project_id: project, resource_limit: 3 });
    expect((await id.getLimit(limit.id)).resource_name).toBe('widgets');
    expect((await id.limits({ service_id: svc.id, project_id: project }).toArray()).map((l) => l.id)).toEqual([limit.id]);
    expect((await id.updateLimit(limit, { resource_limit: 7, description: 'more' })).resource_limit).toBe(7);
    const more = await id.createLimits([{ service_id: svc.id, project_id: cloud.projects.altDemo.id, resource_name: 'widgets', resource_limit: 1 }]);
    for (const l of more) cleanups.push(() => id.deleteLimit(l, { ignoreMissing: true }));
    expect((await id.limits({ service_id: svc.id }).toArray()).length).toBe(2);
    await id.deleteLimit(limit);
    await id.deleteLimit(limit, { ignoreMissing: true });
    expect((await id.limitModel()).name).toMatch(/flat|strict-two-level/);
  });

  test('limit input is checked before sending', async () => {
    await expect(id.createLimit({ service_id: 's', resource_name: 'r', resource_limit: 1.5 })).rejects.toMatchObject({
      field: 'attrs.resource_limit',
    });
    await expect(id.createRegisteredLimits([])).rejects.toMatchObject({ field: 'registered_limits' });
    await expect(
      id.createRegisteredLimits([{ service_id: 's', resource_name: 'r', default_limit: 1 }, { service_id: 's', resource_name: '', default_limit: 1 }]),
    ).rejects.toMatchObject({ field: 'registered_limits.1.resource_name' });
  });
});
