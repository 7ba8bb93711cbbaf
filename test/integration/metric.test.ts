import { afterAll, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { BadRequestError, ForbiddenError, NotFoundError, ValidationError } from '../../src/index.js';
import { metric, type MetricResource } from '../../src/services/metric/index.js';
import { cloudOptions, uniqueName, type CloudName } from '../helpers/cloud.js';

// Every request a connection sends, so that a test can say "nothing was sent".
const sent: string[] = [];
function connect(name: CloudName) {
  return new Connection({
    ...cloudOptions(name),
    services: [metric],
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    },
  });
}
const demo = connect('local-demo');
const admin = connect('local-admin');

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f().catch(() => undefined);
});

/** 10,000 measures one second apart from a whole hour, valued 0 to 9,999. */
const BASE = Date.UTC(2026, 0, 1, 0, 0, 0);
const points = Array.from({ length: 10_000 }, (_, i) => ({ timestamp: new Date(BASE + i * 1000), value: i }));

describe('archive policies and their rules', () => {
  test('create, get, list, update and delete a policy (admin), and a rule that picks a policy from a metric name', async () => {
    const name = uniqueName('ap');
    const made = await admin.metric.createArchivePolicy({
      name,
      back_window: 0,
      definition: [{ granularity: 1, points: 60 }, { granularity: 60, timespan: 3600 }],
      aggregation_methods: ['mean', 'max'],
    });
    cleanup.push(() => admin.metric.deleteArchivePolicy(name, { ignoreMissing: true }));
    expect(made).toMatchObject({ id: name, name, back_window: 0, aggregation_methods: expect.arrayContaining(['mean', 'max']) });
    expect(made.definition.map((d) => d.points)).toEqual([60, 60]);
    expect((await demo.metric.getArchivePolicy(made)).definition).toHaveLength(2);
    expect((await demo.metric.archivePolicies().toArray()).map((p) => p.name)).toEqual(expect.arrayContaining(['low', 'high', name]));
    const changed = await admin.metric.updateArchivePolicy(name, { definition: [{ granularity: 1, points: 120 }, { granularity: 60, points: 60 }] });
    expect(changed.definition.map((d) => d.points)).toEqual([120, 60]);

    // A rule: metrics whose name matches get the policy the rule names.
    const ruleName = uniqueName('rule');
    const prefix = uniqueName('ruled');
    const rule = await admin.metric.createArchivePolicyRule({ name: ruleName, archive_policy_name: 'medium', metric_pattern: `${prefix}.*` });
    cleanup.push(() => admin.metric.deleteArchivePolicyRule(rule, { ignoreMissing: true }));
    expect(await demo.metric.getArchivePolicyRule(ruleName)).toMatchObject({ id: ruleName, archive_policy_name: 'medium', metric_pattern: `${prefix}.*` });
    expect((await demo.metric.archivePolicyRules().toArray()).map((r) => r.name)).toContain(ruleName);
    const m = await demo.metric.createMetric({ name: `${prefix}.cpu` });
    cleanup.push(() => demo.metric.deleteMetric(m, { ignoreMissing: true }));
    expect(m.archive_policy_name).toBe('medium');
    const renamed = await admin.metric.updateArchivePolicyRule(rule, { name: `${ruleName}-2` });
    expect(renamed.name).toBe(`${ruleName}-2`);
    await admin.metric.deleteArchivePolicyRule(renamed);
    await expect(demo.metric.getArchivePolicyRule(renamed)).rejects.toBeInstanceOf(NotFoundError);

    await admin.metric.deleteArchivePolicy(name);
    await expect(demo.metric.getArchivePolicy(name)).rejects.toBeInstanceOf(NotFoundError);
    await admin.metric.deleteArchivePolicy(name, { ignoreMissing: true });
  }, 60_000);

  test('an archive policy without levels, or of a bad granularity, is refused before anything is sent', async () => {
    const before = sent.length;
    await expect(admin.metric.createArchivePolicy({ name: 'x', definition: [] })).rejects.toThrow(ValidationError);
    await expect(admin.metric.createArchivePolicy({ name: 'x', definition: [{ granularity: -1 }] })).rejects.toThrow(/attrs\.definition\.0\.granularity/);
    expect(sent.length).toBe(before);
  });

  test('only an admin creates archive policies: Forbidden with the cloud\'s message', async () => {
    const err = await demo.metric.createArchivePolicy({ name: uniqueName('ap'), definition: [{ granularity: 60, points: 10 }] }).catch((e) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
  });
});

describe('resource types and resources', () => {
  test('a typed resource: created with a metric, got, listed, searched, updated with history, given more metrics, deleted', async () => {
    const typeName = uniqueName('rt');
    const rt = await admin.metric.createResourceType({ name: typeName, attributes: { host: { type: 'string', required: false } } });
    cleanup.push(() => admin.metric.deleteResourceType(typeName, { ignoreMissing: true }));
    expect(rt).toMatchObject({ id: typeName, attributes: { host: { type: 'string', required: false } } });
    const patched = await admin.metric.updateResourceType(rt, [{ op: 'add', path: '/attributes/rack', value: { type: 'string', required: false } }]);
    expect(Object.keys(patched.attributes ?? {}).sort()).toEqual(['host', 'rack']);
    expect((await demo.metric.resourceTypes().toArray()).map((t) => t.name)).toEqual(expect.arrayContaining(['generic', typeName]));
    expect((await demo.metric.getResourceType(typeName)).attributes).toHaveProperty('rack');

    const host = uniqueName('host');
    const res = await demo.metric.createResource({ id: host, type: typeName, host, rack: 'r1', metrics: { cpu: { archive_policy_name: 'low' } } });
    cleanup.push(() => demo.metric.deleteResource(res, { ignoreMissing: true }));
    expect(res).toMatchObject({ type: typeName, original_resource_id: host, host, rack: 'r1' });
    expect(Object.keys(res.metrics ?? {})).toEqual(['cpu']);
    // By the id it was created with (Gnocchi derives a UUID from it), and as the object.
    expect((await demo.metric.getResource(host, { type: typeName })).id).toBe(res.id);
    expect((await demo.metric.getResource(res)).id).toBe(res.id);
    expect((await demo.metric.resources({ type: typeName }).toArray()).map((x) => x.id)).toContain(res.id);

    const found = await demo.metric.searchResources({ '=': { host } }, { type: typeName }).toArray();
    expect(found.map((x) => x.id)).toEqual([res.id]);
    const byString = await demo.metric.searchResources(`host='${host}'`, { type: typeName }).toArray();
    expect(byString.map((x) => x.id)).toEqual([res.id]);

    const ended = '2030-01-01T00:00:00+00:00';
    const updated = await demo.metric.updateResource(res, { ended_at: ended, rack: 'r2' } as never);
    expect(updated).toMatchObject({ ended_at: ended, rack: 'r2' });
    const history = await demo.metric.resourceHistory(res).toArray();
    expect(history.map((h) => (h as MetricResource & { rack?: string }).rack)).toEqual(['r1', 'r2']);

    const metrics = await demo.metric.addResourceMetrics(res, { mem: { archive_policy_name: 'low' } });
    expect(metrics.map((m) => m.name).sort()).toEqual(['cpu', 'mem']);
    expect((await demo.metric.getResource(res)).metrics).toHaveProperty('mem');

    await demo.metric.deleteResource(res);
    await expect(demo.metric.getResource(res)).rejects.toBeInstanceOf(NotFoundError);
    await demo.metric.deleteResource(res, { ignoreMissing: true });
    await admin.metric.deleteResourceType(typeName);
    await expect(demo.metric.getResourceType(typeName)).rejects.toBeInstanceOf(NotFoundError);
  }, 60_000);

  test('a search pages through every match, in pages of the size asked', async () => {
    const prefix = uniqueName('paged');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await demo.metric.createResource({ id: `${prefix}-${i}` });
      cleanup.push(() => demo.metric.deleteResource(r, { ignoreMissing: true }));
      ids.push(r.id);
    }
    const pages: string[][] = [];
    for await (const page of demo.metric.searchResources({ like: { original_resource_id: `${prefix}-%` } }, { pageSize: 2 }).pages()) pages.push(page.map((r) => r.id));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().sort()).toEqual(ids.slice().sort());
    const listed = await demo.metric.resources({}, { pageSize: 2 }).toArray();
    expect(listed.map((r) => r.id)).toEqual(expect.arrayContaining(ids));
    expect(new Set(listed.map((r) => r.id)).size).toBe(listed.length);
  }, 60_000);
});

describe('metrics and measures', () => {
  test('10,000 measures pushed in batches read back aggregated with exact values', async () => {
    const m = await demo.metric.createMetric({ archive_policy_name: 'high', name: uniqueName('load'), unit: 'req' });
    cleanup.push(() => demo.metric.deleteMetric(m, { ignoreMissing: true }));
    expect(await demo.metric.getMetric(m.id)).toMatchObject({ id: m.id, unit: 'req' });
    expect((await demo.metric.findMetric(m.id))?.id).toBe(m.id);
    for (let i = 0; i < points.length; i += 2500) await demo.metric.addMeasures(m, points.slice(i, i + 2500));

    // Per minute: 60 values 60k..60k+59, mean 60k+29.5; the last 40 values make the 167th minute.
    const perMinute = await demo.metric.getMeasures(m, { granularity: 60, aggregation: 'mean', refresh: true });
    expect(perMinute).toHaveLength(167);
    perMinute.slice(0, 166).forEach((p, k) => {
      expect(p).toEqual({ timestamp: new Date(BASE + k * 60_000).toISOString().replace('.000Z', '+00:00'), granularity: 60, value: 60 * k + 29.5 });
    });
    expect(perMinute[166]!.value).toBe(9979.5);
    const sums = await demo.metric.getMeasures(m, { granularity: 60, aggregation: 'sum' });
    expect(sums.reduce((a, p) => a + p.value!, 0)).toBe((9999 * 10_000) / 2);
    const counts = await demo.metric.getMeasures(m, { granularity: 60, aggregation: 'count', start: new Date(BASE), stop: new Date(BASE + 600_000) });
    expect(counts.map((p) => p.value)).toEqual(Array(10).fill(60));
    // One-second points are kept for an hour back from the newest: the last 3,600 values.
    const perSecond = await demo.metric.getMeasures(m, { granularity: 1, aggregation: 'max' });
    expect(perSecond).toHaveLength(3600);
    expect(perSecond.map((p) => p.value)).toEqual(Array.from({ length: 3600 }, (_, i) => 6400 + i));
  }, 120_000);

  test('measures by resource and metric name, batches for many metrics and resources, aggregates across metrics', async () => {
    const res = await demo.metric.createResource({ id: uniqueName('agg'), metrics: { a: { archive_policy_name: 'low' }, b: { archive_policy_name: 'low' } } });
    cleanup.push(() => demo.metric.deleteResource(res, { ignoreMissing: true }));
    const t0 = Date.UTC(2026, 5, 1, 12, 0, 0);
    await demo.metric.addMeasures({ resource: res, metric: 'a' }, [{ timestamp: new Date(t0), value: 10 }, { timestamp: (t0 + 300_000) / 1000, value: 20 }]);
    await demo.metric.addMeasuresBatch({ [res.metrics!.b!]: [{ timestamp: new Date(t0).toISOString(), value: 30 }, { timestamp: new Date(t0 + 300_000), value: 50 }] });
    await demo.metric.addResourceMeasuresBatch(
      { [res.id]: { c: { archive_policy_name: 'low', measures: [{ timestamp: new Date(t0), value: 7 }] } } },
      { createMetrics: true },
    );

    const a = await demo.metric.getMeasures({ resource: res, metric: 'a' }, { refresh: true });
    expect(a.map((p) => p.value)).toEqual([10, 20]);
    const c = await demo.metric.getMeasures({ resource: res.id, metric: 'c' }, { refresh: true });
    expect(c).toEqual([{ timestamp: new Date(t0).toISOString().replace('.000Z', '+00:00'), granularity: 300, value: 7 }]);
    await demo.metric.getMeasures(res.metrics!.b!, { refresh: true });

    const agg = (await demo.metric.aggregates({
      operations: `(aggregate mean (metric (${res.metrics!.a} mean) (${res.metrics!.b} mean)))`,
      granularity: 300,
    })) as { measures: { aggregated: { value: number }[] } };
    expect(agg.measures.aggregated.map((p) => p.value)).toEqual([20, 35]);
    // The same through a search: metrics named by name on the resources found.
    const bySearch = (await demo.metric.aggregates({
      operations: '(aggregate sum (metric b mean))',
      search: { '=': { id: res.id } },
      granularity: 300,
    })) as { measures: { aggregated: { value: number }[] } };
    expect(bySearch.measures.aggregated.map((p) => p.value)).toEqual([30, 50]);

    const listed = await demo.metric.metrics().toArray();
    expect(listed.map((x) => x.id)).toEqual(expect.arrayContaining(Object.values((await demo.metric.getResource(res)).metrics!)));
  }, 60_000);

  test('a bad timestamp or value is refused before anything is sent; an unknown archive policy is the cloud\'s 400', async () => {
    const before = sent.length;
    await expect(demo.metric.addMeasures('00000000-0000-0000-0000-000000000000', [{ timestamp: 'yesterday-ish', value: 1 }])).rejects.toThrow(
      /measures\.0\.timestamp.*not a timestamp/,
    );
    await expect(demo.metric.addMeasures('00000000-0000-0000-0000-000000000000', [{ timestamp: new Date('nope'), value: 1 }])).rejects.toThrow(ValidationError);
    await expect(demo.metric.addMeasures('00000000-0000-0000-0000-000000000000', [{ timestamp: 1, value: Number.NaN }])).rejects.toThrow(/measures\.0\.value/);
    await expect(demo.metric.getMeasures('00000000-0000-0000-0000-000000000000', { start: 'not a date' })).rejects.toThrow(/start/);
    expect(sent.length).toBe(before);

    const err = await demo.metric.createMetric({ archive_policy_name: 'no-such-policy' }).catch((e) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toContain('Archive policy no-such-policy does not exist');
    await expect(demo.metric.getMetric('00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    expect(await demo.metric.findMetric('no-such-metric-name')).toBeUndefined();
  });

  test('status (admin) and capabilities', async () => {
    const status = await admin.metric.getStatus();
    expect(status.storage.summary.measures).toBeGreaterThanOrEqual(0);
    await expect(demo.metric.getStatus()).rejects.toBeInstanceOf(ForbiddenError);
    expect((await demo.metric.getCapabilities()).aggregation_methods).toEqual(expect.arrayContaining(['mean', 'max', 'rate:mean']));
  });
});

describe('README', () => {
  test('the metric example runs', async () => {
    const conn = demo;
    const host = await conn.metric.createResource({ id: uniqueName('host'), metrics: { cpu: { archive_policy_name: 'low' } } });
    cleanup.push(() => demo.metric.deleteResource(host, { ignoreMissing: true }));
    const cpu = { resource: host, metric: 'cpu' };
    await conn.metric.addMeasures(cpu, [{ timestamp: '2026-06-01T12:00:00Z', value: 40 }, { timestamp: '2026-06-01T12:01:00Z', value: 60 }]);
    const points = await conn.metric.getMeasures(cpu, { aggregation: 'mean', granularity: 300, refresh: true });
    // [{ timestamp: '2026-06-01T12:00:00+00:00', granularity: 300, value: 50 }]
    expect(points).toEqual([{ timestamp: '2026-06-01T12:00:00+00:00', granularity: 300, value: 50 }]);
    const found = await conn.metric.searchResources({ '=': { original_resource_id: host.original_resource_id } }).toArray();
    expect(found.map((r) => r.id)).toEqual([host.id]);
  });
});
