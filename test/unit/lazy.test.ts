import { describe, expect, test } from 'vitest';
import { ConnectionError } from '../../src/index.js';
import { lazy } from '../../src/base/lazy.js';

describe('code loaded on first use', () => {
  test('loads once, however many calls wait for it', async () => {
    let loads = 0;
    const load = lazy('tests', async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(a);
    expect(b).toBe(a);
    expect(loads).toBe(1);
  });

  test('a chunk that fails to load is a ConnectionError saying what to check, and the next call loads again', async () => {
    let loads = 0;
    const cause = new TypeError('Failed to fetch dynamically imported module: https://app.example/chunks/upload-x1.js');
    const load = lazy('uploads', async () => {
      if (++loads === 1) throw cause;
      return 'module';
    });
    const err = await load().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).toMatchObject({ name: 'ConnectionError', cause });
    expect((err as Error).message).toContain("the SDK's code for uploads");
    expect((err as Error).message).toContain('chunks/upload-x1.js');
    expect((err as Error).message).toMatch(/serves the SDK's chunks/);
    expect(await load()).toBe('module');
    expect(loads).toBe(2);
  });
});
