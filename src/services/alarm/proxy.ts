import * as v from 'valibot';
import { declaredProxy } from '../../resource/declare.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import { toQuery, type QueryDialect } from '../../resource/query.js';
import * as r from './resources.js';
import * as s from './schemas.js';

/** Aodh filters by `q.field`/`q.op`/`q.value`; paging and sorting keys go as they are. */
const aodhQuery: QueryDialect = { triplets: { plain: ['limit', 'marker', 'sort'] } };

/** What an update of an alarm can change: anything a create takes. */
export type AlarmChanges = Partial<s.AlarmAttrs> & Record<string, unknown>;

/**
 * `conn.alarm`: Aodh v2, the alarming service of Telemetry. Alarms are declared in `resources.ts`
 * (list, get, find, create, delete, `waitForAlarm` on their state); their state, history, updates
 * and quotas are here.
 */
export class AlarmProxy extends declaredProxy(r, aodhQuery) {
  /**
   * Changes an alarm. Aodh replaces the whole alarm on update, so the alarm is read first and the
   * changes applied to it: what is not named stays as it was.
   */
  async updateAlarm(alarm: Ref, changes: AlarmChanges, opts: CallOptions = {}): Promise<s.Alarm> {
    const patch = validateInput(v.record(v.string(), v.unknown()), changes, 'changes');
    const current = await this.getAlarm(alarm, opts);
    const keep = Object.fromEntries(Object.entries(current).filter(([k]) => !READ_ONLY.includes(k)));
    const body = validateInput(s.AlarmCreate, { ...keep, ...patch }, 'changes');
    const res = await this.request({ ...opts, method: 'PUT', path: alarmPath(alarm), body });
    return parseResponse(s.Alarm, res.data, 'alarm');
  }

  /** The alarm's state as Aodh last evaluated (or was told). */
  async getAlarmState(alarm: Ref, opts?: CallOptions): Promise<s.AlarmState> {
    const res = await this.request({ ...opts, path: `${alarmPath(alarm)}/state` });
    return parseResponse(s.AlarmState, res.data, 'alarm state');
  }
  /** Sets the alarm's state by hand (the evaluator may change it again on its next run). */
  async setAlarmState(alarm: Ref, state: s.AlarmState, opts?: CallOptions): Promise<s.AlarmState> {
    const body = validateInput(s.AlarmState, state, 'state');
    const res = await this.request({ ...opts, method: 'PUT', path: `${alarmPath(alarm)}/state`, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...opts?.headers } });
    return parseResponse(s.AlarmState, res.data, 'alarm state');
  }
  /** Changes of an alarm (creation, rule changes, state transitions), newest first; filters as for `alarms()`. */
  alarmHistory(alarm: Ref, filters: Query = {}, opts?: ListOptions) {
    return this._list(r.history, toQuery(filters, aodhQuery), opts, `${alarmPath(alarm)}/history`);
  }

  /** A project's alarm quota (the caller's project unless `project` names another; admin for others). */
  async getAlarmQuotas(project?: string, opts?: CallOptions): Promise<s.AlarmQuotas> {
    const res = await this.request({ ...opts, path: '/quotas', query: project ? { project_id: project } : undefined });
    return parseResponse(s.AlarmQuotas, res.data, 'alarm quotas');
  }
  /** Sets how many alarms a project may have (admin); -1 for no limit. */
  async setAlarmQuotas(project: string, quotas: { alarms: number }, opts?: CallOptions): Promise<s.AlarmQuotas> {
    const q = validateInput(v.object({ alarms: v.pipe(v.number(), v.integer(), v.minValue(-1)) }), quotas, 'quotas');
    const body = { project_id: idOf(project, 'project'), quotas: [{ resource: 'alarms', limit: q.alarms }] };
    const res = await this.request({ ...opts, method: 'POST', path: '/quotas', body });
    return parseResponse(s.AlarmQuotas, res.data, 'alarm quotas');
  }
  /** Removes a project's own quota, so the cloud's default applies again (admin). */
  async deleteAlarmQuotas(project: string, opts: CallOptions & { ignoreMissing?: boolean } = {}): Promise<void> {
    const { ignoreMissing, ...call } = opts;
    await this.request({ ...call, method: 'DELETE', path: `/quotas/${seg(idOf(project, 'project'))}`, responseType: 'none', okStatuses: ignoreMissing ? [404] : undefined });
  }

  /** What this Aodh supports (complex queries, storage). */
  async getCapabilities(opts?: CallOptions): Promise<Record<string, unknown>> {
    const res = await this.request({ ...opts, path: '/capabilities' });
    return parseResponse(v.record(v.string(), v.unknown()), res.data, 'capabilities');
  }
}

/** Attributes Aodh sets itself, left out of the body of an update. */
const READ_ONLY = ['id', 'alarm_id', 'state_timestamp', 'timestamp', 'project_id', 'user_id', 'evaluate_timestamp', 'state_reason'];

function alarmPath(alarm: Ref): string {
  return `/alarms/${seg(idOf(alarm, 'alarm'))}`;
}
