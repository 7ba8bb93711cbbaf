import { afterAll, describe, expect, test } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, type Image } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

const demo = connectTo('local-demo');
const alt = connectTo('local-alt-demo');
const admin = connectTo('local-admin');
const made: string[] = [];
afterAll(async () => {
  for (const id of made) await admin.image.deleteImage(id, { ignoreMissing: true });
});
async function newImage(attrs: Parameters<typeof demo.image.createImage>[0] = {}): Promise<Image> {
  const img = await demo.image.createImage({ name: uniqueName('img'), disk_format: 'raw', container_format: 'bare', ...attrs });
  made.push(img.id);
  return img;
}

describe('images', () => {
  test('create, get, find, update by changes and by patch operations, delete', async () => {
    const img = await newImage({ tags: ['a'], os_distro: 'cirros', min_ram: 64 });
    expect(img).toMatchObject({ status: 'queued', visibility: 'shared', tags: ['a'], os_distro: 'cirros', min_ram: 64 });
    expect((await demo.image.getImage(img.id)).name).toBe(img.name);
    expect((await demo.image.findImage(img.name!))?.id).toBe(img.id);

    const changed = await demo.image.updateImage(img, { name: `${img.name}-2`, os_distro: null, hw_disk_bus: 'virtio', min_ram: 128 });
    expect(changed).toMatchObject({ name: `${img.name}-2`, hw_disk_bus: 'virtio', min_ram: 128 });
    expect(changed).not.toHaveProperty('os_distro');
    const patched = await demo.image.updateImage(img, [
      { op: 'replace', path: '/hw_disk_bus', value: 'scsi' },
      { op: 'add', path: '/tags', value: ['b', 'c'] },
    ]);
    expect(patched).toMatchObject({ hw_disk_bus: 'scsi', tags: expect.arrayContaining(['b', 'c']) });

    await demo.image.deleteImage(img);
    await demo.image.waitForImageDelete(img, { interval: 200 });
    await expect(demo.image.getImage(img)).rejects.toBeInstanceOf(NotFoundError);
    await demo.image.deleteImage(img, { ignoreMissing: true });
  });

  test('tags', async () => {
    const img = await newImage();
    await demo.image.addImageTag(img, 'blue');
    await demo.image.addImageTag(img, 'green');
    await demo.image.removeImageTag(img, 'blue');
    expect((await demo.image.getImage(img)).tags).toEqual(['green']);
    expect((await demo.image.images({ tag: 'green', owner: cloud.projects.demo.id }).toArray()).map((i) => i.id)).toContain(img.id);
  });

  test('30 images listed with a page size of 7 through Glance next links: exact count, no duplicates', async () => {
    const tag = uniqueName('page');
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++) ids.add((await newImage({ tags: [tag] })).id);
    const pages: number[] = [];
    const listed: string[] = [];
    for await (const page of demo.image.images({ tag }, { pageSize: 7 }).pages()) {
      pages.push(page.length);
      listed.push(...page.map((i) => i.id));
    }
    expect(pages).toEqual([7, 7, 7, 7, 2]);
    expect(new Set(listed)).toEqual(ids);
    expect(listed).toHaveLength(30);
  });

  test('deactivate and reactivate (admin)', async () => {
    const img = await newImage();
    await demo.image.uploadImage(img, new Blob(['some bytes']));
    await admin.image.deactivateImage(img);
    expect((await demo.image.getImage(img)).status).toBe('deactivated');
    // deactivated data is readable by admins only
    await expect(demo.image.downloadImage(img)).rejects.toBeInstanceOf(ForbiddenError);
    await admin.image.reactivateImage(img);
    expect((await demo.image.getImage(img)).status).toBe('active');
  });

  test('sharing with another project through members', async () => {
    const img = await newImage({ visibility: 'shared' });
    const project = cloud.projects.altDemo.id;
    const member = await demo.image.addImageMember(img, project);
    expect(member).toMatchObject({ image_id: img.id, member_id: project, status: 'pending' });
    expect((await demo.image.imageMembers(img).toArray()).map((m) => m.member_id)).toEqual([project]);

    expect((await alt.image.getImage(img)).id).toBe(img.id);
    expect((await alt.image.updateImageMember(img, project, 'accepted')).status).toBe('accepted');
    expect((await alt.image.getImageMember(img, project)).status).toBe('accepted');
    expect((await alt.image.images({ member_status: 'accepted', visibility: 'shared' }).toArray()).map((i) => i.id)).toContain(img.id);

    await demo.image.removeImageMember(img, project);
    await expect(alt.image.getImage(img)).rejects.toBeInstanceOf(NotFoundError);
    await demo.image.removeImageMember(img, project, { ignoreMissing: true });
  });
});

describe('interoperable import', () => {
  test('import methods and stores', async () => {
    const info = await demo.image.getImportInfo();
    expect(info['import-methods'].value).toContain('glance-direct');
    const stores = await demo.image.stores().toArray();
    expect(stores.some((s) => s.default)).toBe(true);
  });

  test('stage, then glance-direct, then wait for active', async () => {
    const img = await newImage();
    const data = new TextEncoder().encode('staged data '.repeat(1000));
    await demo.image.stageImage(img, new Blob([data]));
    expect((await demo.image.getImage(img)).status).toBe('uploading');
    await demo.image.importImage(img, { name: 'glance-direct' });
    const active = await demo.image.waitForImage(img, { interval: 300, timeout: 120_000 });
    expect(active.size).toBe(data.length);
    const d = await demo.image.downloadImage(img);
    expect(new Uint8Array(await new Response(d.stream).arrayBuffer())).toEqual(data);
  });

  test('uploading twice is a conflict', async () => {
    const img = await newImage();
    await demo.image.uploadImage(img, new Uint8Array([1, 2, 3]));
    await expect(demo.image.uploadImage(img, new Uint8Array([4]))).rejects.toBeInstanceOf(ConflictError);
  });
});
