// The README's examples, end to end: `npm run demo` runs this file against the local cloud,
// or against your own cloud when OS_CLOUD (clouds.yaml) or OS_AUTH_URL and friends are set.
// DEMO_IMAGE, DEMO_FLAVOR and DEMO_NETWORK name what to boot on your cloud.
import { connect, uploadDirectory } from 'openstack-sdk/node';

const env = process.env;

// --- connect ---------------------------------------------------------------------------
const conn = connect(); // the cloud named by OS_CLOUD in clouds.yaml, or OS_* variables
const { user, project } = await conn.auth.getAuthState();
console.log(`logged in as ${user.name}, project ${project.name}`);

// --- list: every list is an async iterable that fetches pages as it goes ------------------
for await (const image of conn.image.images()) console.log(`image  ${image.name} (${image.status})`);
for await (const flavor of conn.compute.flavors()) console.log(`flavor ${flavor.name}: ${flavor.vcpus} vCPU, ${flavor.ram} MiB`);

// --- upload a directory, then page through what was uploaded ---------------------------------
const container = `demo-${Date.now()}`;
await conn.objectStore.createContainer({ name: container });
const uploaded = await uploadDirectory(conn, container, 'examples', '**/*.{mjs,ts,js,html,css}');
console.log(`uploaded ${uploaded.length} files to ${container}`);
let page = 0;
for await (const objects of conn.objectStore.objects(container, {}, { pageSize: 3 }).pages()) {
  console.log(`page ${++page}:`, objects.map((o) => `${o.name} (${o.bytes} bytes)`).join(', '));
}
await conn.objectStore.deleteContainer(container, { recursive: true });
console.log(`container ${container} deleted`);

// --- create a server and wait for it -------------------------------------------------------
const image = await conn.compute.findImage(env.DEMO_IMAGE ?? 'cirros-fake');
const flavor = await conn.compute.findFlavor(env.DEMO_FLAVOR ?? 'm1.nano');
const network = await conn.network.findNetwork(env.DEMO_NETWORK ?? 'private');
if (!image || !flavor || !network) {
  console.log('no image, flavor or network to boot a server with: set DEMO_IMAGE, DEMO_FLAVOR, DEMO_NETWORK');
  process.exit(0);
}
let server = await conn.compute.createServer({
  name: `demo-${Date.now()}`,
  image,
  flavor,
  networks: [{ uuid: network.id }],
});
server = await conn.compute.waitForServer(server, { status: 'ACTIVE', failures: ['ERROR'] });
console.log(`server ${server.name} is ${server.status}:`, JSON.stringify(server.addresses));

await conn.compute.deleteServer(server);
await conn.compute.waitForServerDelete(server);
console.log(`server ${server.name} deleted`);
