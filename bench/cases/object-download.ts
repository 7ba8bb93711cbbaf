/**
 * A large object downloaded into a file: the SDK's `downloadObjectToFile` (which checks the MD5
 * against the ETag while it streams, writes `<file>.part` and renames it) against `curl -o file` and
 * openstacksdk's `get_object(container, name, outfile=file, resp_chunk_size=65536)` (64 KiB chunks
 * instead of its default of 1 KiB; it checks no hash). The object is uploaded once by curl first.
 * Ratio: SDK MiB/s / baseline MiB/s.
 */
import { rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { downloadObjectToFile } from "../../src/node/object-store.js";
import {
  curl,
  needMemory,
  inProcess,
  pyMeasure,
  python,
  sizeLabel,
  type Context,
  type Measure,
  type Row,
} from "../lib.js";

export async function objectDownload(ctx: Context): Promise<Row[]> {
  const os = ctx.conn.objectStore;
  needMemory(ctx.size, "the case");
  const c = await ctx.container("down");
  const { size } = ctx;
  const out = join(ctx.dir, "download.bin");
  const url = `${ctx.endpoint}/${c}/obj.bin`;
  curl([
    "-o",
    "/dev/null",
    "-T",
    ctx.file,
    "-H",
    `X-Auth-Token: ${ctx.token}`,
    url,
  ]);
  const check = async (who: string) => {
    const got = (await stat(out)).size;
    await rm(out, { force: true });
    if (got !== size)
      throw new Error(`${who} wrote ${got} bytes, expected ${size}`);
  };

  const sdk = await inProcess(() =>
    downloadObjectToFile(os, c, "obj.bin", out),
  );
  await check("downloadObjectToFile");
  const curlRun = curl(["-o", out, "-H", `X-Auth-Token: ${ctx.token}`, url]);
  await check("curl -o");
  const py = python(["download", c, "obj.bin", out]);
  if (typeof py !== "string") await check("openstacksdk get_object");
  await rm(out, { force: true });
  await os.deleteObject(c, "obj.bin");

  const gib = sizeLabel(size);
  const sdkM: Measure = { seconds: sdk.seconds, cpu: sdk.cpu, bytes: size };
  const name = `${gib} download to a file (SDK verifies the ETag)`;
  return [
    {
      case: name,
      kind: "throughput",
      sdk: sdkM,
      baseline: "curl -o",
      base: { ...curlRun, bytes: size },
      goal: ">= 0.9",
    },
    {
      case: name,
      kind: "throughput",
      sdk: sdkM,
      baseline: "openstacksdk get_object",
      base: pyMeasure(py, { bytes: size }),
    },
  ];
}
