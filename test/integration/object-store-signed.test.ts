import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectTo, uniqueName } from '../helpers/cloud.js';

const os = connectTo('local-demo').objectStore;
const C = uniqueName('os-signed');
const KEY = `key-${uniqueName('tmp')}`;
const CONTAINER_KEY = `ckey-${uniqueName('tmp')}`;

beforeAll(async () => {
  await os.createContainer({ name: C });
  await os.setAccountTempUrlKey(KEY);
  await os.setContainerTempUrlKey(C, CONTAINER_KEY);
  await os.uploadObject({ container: C, name: 'dir/hello world ü?.txt', data: 'temp url body', contentType: 'text/plain' });
});
afterAll(async () => {
  await os.deleteContainer(C, { recursive: true, ignoreMissing: true });
  await os.deleteAccountMetadata(['temp-url-key']);
});

describe('temp URLs', () => {
  test('work with plain fetch and no token, for each digest and with the container key', async () => {
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      const url = await os.generateTempUrl({ method: 'GET', container: C, object: 'dir/hello world ü?.txt', expires: 60, key: KEY, algorithm });
      const res = await fetch(url);
      expect(res.status, algorithm).toBe(200);
      expect(await res.text()).toBe('temp url body');
    }
    const url = await os.generateTempUrl({ method: 'GET', container: C, object: 'dir/hello world ü?.txt', expires: 60, key: CONTAINER_KEY });
    expect((await fetch(url)).status).toBe(200);
  });

  test('fail with a wrong method, a wrong key, or after they expire', async () => {
    const url = await os.generateTempUrl({ method: 'GET', container: C, object: 'dir/hello world ü?.txt', expires: 60, key: KEY });
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(401);
    const bad = await os.generateTempUrl({ method: 'GET', container: C, object: 'dir/hello world ü?.txt', expires: 60, key: 'not-the-key' });
    expect((await fetch(bad)).status).toBe(401);
    expect((await fetch(url)).status).toBe(200);
    // Signed the same way, with a moment that has passed: no waiting for one to come.
    const expiry = new Date(Date.now() - 60_000);
    const expired = await os.generateTempUrl({ method: 'GET', container: C, object: 'dir/hello world ü?.txt', expires: expiry, key: KEY });
    expect(new URL(expired).searchParams.get('temp_url_expires')).toBe(String(Math.floor(expiry.getTime() / 1000)));
    expect((await fetch(expired)).status).toBe(401);
  });

  test('a PUT URL uploads; a prefix URL reaches every object under the prefix; filename sets the disposition', async () => {
    const put = await os.generateTempUrl({ method: 'PUT', container: C, object: 'uploads/by-url.txt', expires: 60, key: KEY });
    expect((await fetch(put, { method: 'PUT', body: 'sent without a token' })).status).toBe(201);
    expect(await os.downloadObjectAsText(C, 'uploads/by-url.txt')).toBe('sent without a token');
    const pre = await os.generateTempUrl({ method: 'GET', container: C, prefix: 'dir/', object: 'dir/hello world ü?.txt', expires: 60, key: KEY, filename: 'nice.txt' });
    const res = await fetch(pre);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('nice.txt');
    const outside = await os.generateTempUrl({ method: 'GET', container: C, prefix: 'dir/', expires: 60, key: KEY });
    expect((await fetch(outside.replace(/\/dir\/\?/, '/uploads/by-url.txt?'))).status).toBe(401);
  });
});

describe('form POST', () => {
  test('a multipart upload with the signed fields lands the file, without a token', async () => {
    const sig = await os.generateFormPostSignature({ container: C, prefix: 'form/', maxFileSize: 1024 * 1024, maxFileCount: 2, expires: 120, key: KEY });
    const form = new FormData();
    for (const [k, v] of Object.entries(sig.fields)) form.append(k, v);
    form.append('file1', new File(['posted by a browser form'], 'report.txt', { type: 'text/plain' }));
    const res = await fetch(sig.url, { method: 'POST', body: form, redirect: 'manual' });
    expect(res.status).toBe(201);
    expect(await os.downloadObjectAsText(C, 'form/report.txt')).toBe('posted by a browser form');
    const tooBig = new FormData();
    for (const [k, v] of Object.entries(sig.fields)) tooBig.append(k, v);
    tooBig.append('file1', new File([new Uint8Array(2 * 1024 * 1024)], 'big.bin'));
    const res2 = await fetch(sig.url, { method: 'POST', body: tooBig, redirect: 'manual' });
    expect(await res2.text()).toMatch(/max_file_size exceeded/);
  });
});
