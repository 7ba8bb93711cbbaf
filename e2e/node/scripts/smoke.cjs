// Run from a folder where the packed openstack-sdk is installed: CommonJS require of the package entries.
const { Connection, UnauthorizedError } = require('openstack-sdk');
const { Connection: SlimConnection } = require('openstack-sdk/core');
const { objectStore } = require('openstack-sdk/object-store');
const { connect, cloudOptions } = require('openstack-sdk/node');

async function main() {
  const cloud = process.env.OSSDK_TEST_CLOUD ?? 'local-demo';
  const container = process.env.OSSDK_TEST_CONTAINER;

  const conn = connect({ cloud });
  const state = await conn.auth.getAuthState();

  const slim = new SlimConnection({
    ...cloudOptions({ cloud }),
    services: [objectStore],
  });
  await slim.objectStore.createContainer({ name: container });
  const text = `hello from node cjs ${Date.now()}`;
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
      module: 'cjs',
      project: state.project && state.project.id,
      names,
      roundTrip: downloaded === text,
      wrongPassword,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
