import { afterAll, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { BadRequestError, NotFoundError, ValidationError } from '../../src/index.js';
import { alarm, type Alarm } from '../../src/services/alarm/index.js';
import { metric } from '../../src/services/metric/index.js';
import { cloud, cloudOptions, uniqueName, type CloudName } from '../helpers/cloud.js';

const sent: string[] = [];
function connect(name: CloudName) {
  return new Connection({
    ...cloudOptions(name),
    services: [alarm, metric],
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return fetch(input, init);
    },
  });
}
const demo = connect('local-demo');
const alt = connect('local-alt-demo');
const admin = connect('local-admin');

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f().catch(() => undefined);
});

async function newAlarm(conn: typeof demo, attrs: Parameters<typeof demo.alarm.createAlarm>[0]): Promise<Alarm> {
  const a = await conn.alarm.createAlarm(attrs);
  cleanup.push(() => conn.alarm.deleteAlarm(a, { ignoreMissing: true }));
  return a;
}
const eventAlarm = (name: string, extra: Record<string, unknown> = {}) => ({ name, type: 'event' as const, enabled: false, event_rule: { event_type: 'compute.instance.*' }, ...extra });

describe('alarms on Gnocchi metrics', () => {
  test('a threshold alarm on a metric goes to `alarm` when measures cross it; its history shows the transition', async () => {
    const res = await demo.metric.createResource({ id: uniqueName('alarmed'), metrics: { cpu: { archive_policy_name: 'low' } } });
    cleanup.push(() => demo.metric.deleteResource(res, { ignoreMissing: true }));
    const rule = { metric: 'cpu', resource_id: res.id, resource_type: 'generic', threshold: 15, comparison_operator: 'gt' as const, aggregation_method: 'mean', granularity: 300, evaluation_periods: 1 };
    const hot = await newAlarm(demo, { name: uniqueName('cpu-high'), type: 'gnocchi_resources_threshold', gnocchi_resources_threshold_rule: rule });
    expect(hot).toMatchObject({ id: hot.alarm_id, type: 'gnocchi_resources_threshold', state: 'insufficient data', gnocchi_resources_threshold_rule: { threshold: 15 } });

    const now = Date.now();
    await demo.metric.addMeasures({ resource: res, metric: 'cpu' }, [{ timestamp: new Date(now - 60_000), value: 50 }, { timestamp: new Date(now), value: 60 }]);
    await demo.metric.getMeasures({ resource: res, metric: 'cpu' }, { refresh: true });
    // The evaluator runs every 10 s here.
    const fired = await demo.alarm.waitForAlarm(hot, { interval: 1000, timeout: 90_000 });
    expect(fired.state).toBe('alarm');
    expect(fired.state_reason).toMatch(/outside threshold/);
    expect(await demo.alarm.getAlarmState(hot)).toBe('alarm');

    const history = await demo.alarm.alarmHistory(hot).toArray();
    expect(history.map((h) => h.type)).toEqual(expect.arrayContaining(['creation', 'state transition']));
    const transition = history.find((h) => h.type === 'state transition')!;
    expect(JSON.parse(transition.detail!)).toMatchObject({ state: 'alarm' });
    expect((await demo.alarm.alarmHistory(hot, { type: 'creation' }).toArray()).map((h) => h.type)).toEqual(['creation']);

    // An update names only what changes; the rest of the alarm stays.
    const raised = await demo.alarm.updateAlarm(hot, { description: 'raised', gnocchi_resources_threshold_rule: { ...rule, threshold: 100 } });
    expect(raised).toMatchObject({ name: hot.name, description: 'raised', gnocchi_resources_threshold_rule: { threshold: 100, metric: 'cpu' } });
  }, 120_000);

  test('composite and metrics-aggregation alarms keep their rules', async () => {
    const m = await demo.metric.createMetric({ archive_policy_name: 'low', name: uniqueName('m') });
    cleanup.push(() => demo.metric.deleteMetric(m, { ignoreMissing: true }));
    const byMetrics = await newAlarm(demo, {
      name: uniqueName('agg'),
      type: 'gnocchi_aggregation_by_metrics_threshold',
      gnocchi_aggregation_by_metrics_threshold_rule: { metrics: [m.id], threshold: 1, comparison_operator: 'lt', aggregation_method: 'mean', granularity: 300 },
    });
    expect(byMetrics).toMatchObject({ gnocchi_aggregation_by_metrics_threshold_rule: { metrics: [m.id], comparison_operator: 'lt' } });
    const composite = await newAlarm(demo, {
      name: uniqueName('composite'),
      type: 'composite',
      composite_rule: {
        or: [
          { type: 'gnocchi_aggregation_by_metrics_threshold', metrics: [m.id], threshold: 5, comparison_operator: 'gt', aggregation_method: 'mean', granularity: 300 },
          { type: 'gnocchi_aggregation_by_metrics_threshold', metrics: [m.id], threshold: 1, comparison_operator: 'lt', aggregation_method: 'max', granularity: 300 },
        ],
      },
    });
    const read = (await demo.alarm.getAlarm(composite)) as Alarm & { composite_rule: { or: { threshold: number }[] } };
    expect(read.composite_rule.or.map((r) => r.threshold)).toEqual([5, 1]);
  }, 60_000);
});

describe('alarms: lists, state, find, delete, quotas, bad input', () => {
  test('lists filter by attribute (q triplets) and page by marker; find by name', async () => {
    const prefix = uniqueName('ev');
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await newAlarm(demo, eventAlarm(`${prefix}-${i}`)));
    const mine = (await demo.alarm.alarms({ type: 'event', enabled: false }, { pageSize: 2 }).toArray()).filter((a) => a.name.startsWith(prefix));
    expect(mine.map((a) => a.name).sort()).toEqual(made.map((a) => a.name).sort());
    const pages: number[] = [];
    for await (const page of demo.alarm.alarms({ type: 'event', sort: 'name:asc' }, { pageSize: 2 }).pages()) pages.push(page.length);
    expect(pages.every((n) => n <= 2)).toBe(true);
    const all = await demo.alarm.alarms({}, { pageSize: 2 }).toArray();
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    expect(all.map((a) => a.id)).toEqual(expect.arrayContaining(made.map((a) => a.id)));
    expect((await demo.alarm.alarms({ name: made[1]!.name }).toArray()).map((a) => a.id)).toEqual([made[1]!.id]);
    expect((await demo.alarm.findAlarm(made[2]!.name))?.id).toBe(made[2]!.id);
    expect(await demo.alarm.findAlarm(`${prefix}-none`)).toBeUndefined();
  }, 60_000);

  test('state set by hand and read back; delete and wait for it', async () => {
    const a = await newAlarm(demo, eventAlarm(uniqueName('state')));
    expect(await demo.alarm.setAlarmState(a, 'ok')).toBe('ok');
    expect(await demo.alarm.getAlarmState(a)).toBe('ok');
    expect((await demo.alarm.waitForAlarm(a, { status: 'ok', interval: 100 })).state).toBe('ok');
    expect(await demo.alarm.setAlarmState(a, 'alarm')).toBe('alarm');
    await demo.alarm.deleteAlarm(a);
    await demo.alarm.waitForAlarmDelete(a, { interval: 100 });
    await expect(demo.alarm.getAlarm(a)).rejects.toBeInstanceOf(NotFoundError);
    await demo.alarm.deleteAlarm(a, { ignoreMissing: true });
  }, 60_000);

  test('a project quota caps its alarms (admin), and removing it lifts the cap', async () => {
    const project = cloud.users.altDemo.projectId as string;
    expect((await alt.alarm.getAlarmQuotas()).project_id).toBe(project);
    cleanup.push(() => admin.alarm.deleteAlarmQuotas(project, { ignoreMissing: true }));
    const existing = (await alt.alarm.alarms().toArray()).length;
    const set = await admin.alarm.setAlarmQuotas(project, { alarms: existing + 1 });
    expect(set.quotas).toEqual([expect.objectContaining({ resource: 'alarms', limit: existing + 1 })]);
    await newAlarm(alt, eventAlarm(uniqueName('q1')));
    const over = await alt.alarm.createAlarm(eventAlarm(uniqueName('q2'))).catch((e) => e);
    expect(over.status).toBe(403);
    expect(over.message).toContain('Alarm quota exceeded');
    await admin.alarm.deleteAlarmQuotas(project);
    await newAlarm(alt, eventAlarm(uniqueName('q3')));
  }, 60_000);

  test('bad input: a rule missing or wrong is refused before anything is sent; an unknown resource is the cloud\'s 400', async () => {
    const before = sent.length;
    const err = await demo.alarm.createAlarm({ name: 'x', type: 'gnocchi_resources_threshold' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/gnocchi_resources_threshold_rule.*needs its rule/);
    await expect(
      demo.alarm.createAlarm({
        name: 'x',
        type: 'gnocchi_aggregation_by_metrics_threshold',
        gnocchi_aggregation_by_metrics_threshold_rule: { metrics: ['m'], threshold: 1, comparison_operator: 'bigger' as never, aggregation_method: 'mean' },
      }),
    ).rejects.toThrow(/comparison_operator/);
    await expect(demo.alarm.setAlarmState('some-id', 'firing' as never)).rejects.toThrow(ValidationError);
    expect(sent.length).toBe(before);

    // Aodh checks the aggregation method against what Gnocchi offers.
    const unknown = await demo.alarm
      .createAlarm({
        name: uniqueName('badagg'),
        type: 'gnocchi_resources_threshold',
        gnocchi_resources_threshold_rule: { metric: 'cpu', resource_id: 'x', resource_type: 'generic', threshold: 1, aggregation_method: 'no-such-aggregation' },
      })
      .catch((e) => e);
    if (unknown?.id) await demo.alarm.deleteAlarm(unknown);
    expect(unknown).toBeInstanceOf(BadRequestError);
    expect(unknown.cloudMessage).toMatch(/^aggregation_method should be in/);
    expect(await demo.alarm.getCapabilities()).toHaveProperty('api');
  }, 60_000);
});

describe('README', () => {
  test('the alarm example runs', async () => {
    const conn = demo;
    const host = await conn.metric.createResource({ id: uniqueName('readme'), metrics: { cpu: { archive_policy_name: 'low' } } });
    cleanup.push(() => demo.metric.deleteResource(host, { ignoreMissing: true }));
    const hot = await conn.alarm.createAlarm({
      name: 'cpu-high',
      type: 'gnocchi_resources_threshold',
      gnocchi_resources_threshold_rule: { metric: 'cpu', resource_id: host.id, resource_type: 'generic', threshold: 90, comparison_operator: 'gt', aggregation_method: 'mean', granularity: 300 },
    });
    cleanup.push(() => demo.alarm.deleteAlarm(hot, { ignoreMissing: true }));
    await conn.alarm.setAlarmState(hot, 'ok');
    const history = await conn.alarm.alarmHistory(hot).toArray(); // newest first: the state change, then the creation
    expect(history.map((h) => h.type)).toEqual(['state transition', 'creation']);
    expect((await conn.alarm.alarms({ name: 'cpu-high', state: 'ok' }).toArray()).map((a) => a.id)).toContain(hot.id);
  });
});
