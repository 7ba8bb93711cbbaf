import { defineResource, filters } from '../../resource/declare.js';
import type { Query } from '../../base/types.js';
import * as s from './schemas.js';

/** Filters of `alarms()`: any attribute (`{ op: 'gt', value }` for another operator than `eq`), and sorting. */
export type AlarmQuery = Query & {
  name?: string;
  type?: string;
  state?: string;
  enabled?: boolean;
  severity?: string;
  /** `name:asc`; several with a list. */
  sort?: string | string[];
};

/**
 * Alarms: created with their type's rule, listed with `q.field`/`q.op`/`q.value` filters and paged
 * by marker. `waitForAlarm(alarm, { status: 'ok' })` waits for a state (`alarm` unless told).
 * Updates are the proxy's own (Aodh replaces the whole alarm).
 */
export const alarms = defineResource({
  name: 'alarm',
  one: 'Alarm',
  many: 'alarms',
  ops: ['list', 'get', 'find', 'create', 'delete', 'waitFor', 'waitForDelete'],
  wait: { status: 'alarm', failures: [], attribute: 'state' },
  filters: filters<AlarmQuery>(),
  path: '/alarms',
  key: null,
  listKey: null,
  schema: s.Alarm,
  createSchema: s.AlarmCreate,
  nameFilter: null,
  paging: 'marker',
});

/** Changes of an alarm, newest first: reached under the alarm, so no methods of its own. */
export const history = defineResource({ name: 'alarm change', one: 'AlarmChange', many: 'alarmHistory', ops: [], path: '', key: null, listKey: null, schema: s.AlarmChange });
