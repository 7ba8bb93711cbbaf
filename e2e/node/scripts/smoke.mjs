// Run from a folder where the packed openstack-sdk is installed: ESM import of the package entries.
import { Connection, UnauthorizedError } from 'openstack-sdk';
import { Connection as SlimConnection } from 'openstack-sdk/core';
import { objectStore } from 'openstack-sdk/object-store';
import { connect, cloudOptions } from 'openstack-sdk/node';

const cloud = process.env.OSSDK_TEST_CLOUD ?? 'local-demo';
const container = process.env.OSSDK_TEST_CONTAINER;

const conn = connect({ cloud });
const state = await conn.auth.getAuthState();

// The slim entry with the object store plugin, from the same clouds.yaml entry.
const slim = new SlimConnection({
  ...cloudOptions({ cloud }),
  services: [objectStore],
});
await slim.objectStore.createContainer({ name: container });
const text = `hello from node esm ${Date.now()}`;
await slim.objectStore.uploadObject({
  container,
  name: 'hello.txt',
  data: new Blob([text]),
  contentType: 'text/plain',
});
const names = [];
for await (const o of conn.objectStore.objects(container)) names.push(o.name);
const downloaded = await conn.objectStore.downloadObjectAsText(container, 'hello.txt');
await conn.objectStore.deleteContainer(container, { recursive: true });

let wrongPassword;
try {
  const o = cloudOptions({ cloud });
  await new Connection({
    ...o,
    auth: { ...o.auth, password: 'wrong' },
  }).auth.getAuthState();
} catch (e) {
  wrongPassword = { name: e.name, typed: e instanceof UnauthorizedError };
}

console.log(
  JSON.stringify({
    module: 'esm',
    project: state.project?.id,
    names,
    roundTrip: downloaded === text,
    wrongPassword,
  }),
);
