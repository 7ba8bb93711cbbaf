import { describe, expect, test } from 'vitest';
import { cloud, connectTo } from '../helpers/cloud.js';

describe('connect to the local cloud', () => {
  test('password login from clouds.yaml gives a project-scoped token with a catalog', async () => {
    const conn = connectTo('local-demo');
    const state = await conn.auth.getAuthState();
    expect(state.project?.id).toBe(cloud.projects.demo.id);
    expect(state.catalog.some((e) => e.type === 'identity')).toBe(true);
  });
});
