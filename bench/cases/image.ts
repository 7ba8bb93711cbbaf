/**
 * A large file as an image's data in Glance, and back into a file:
 * - upload: the SDK's `uploadImageFile` (`PUT /v2/images/{id}/file`) against `curl -T` to the same
 *   URL (content-type application/octet-stream) and openstacksdk's
 *   `create_image(name, filename=..., disk_format='raw', container_format='bare')`, whose time also
 *   holds the image's creation (with its default `validate_checksum=False` it hashes nothing; the
 *   SDK and curl images are created by the SDK before the clock starts);
 * - download: the SDK's `downloadImageToFile` (checks the image's hash while it streams) against
 *   `curl -o file` and openstacksdk's `image.download_image(image, output=file, chunk_size=65536)`.
 * Ratio: SDK MiB/s / baseline MiB/s. Every image is deleted by the SDK afterwards.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { downloadImageToFile, uploadImageFile } from '../../src/node/image.js';
import { curlGet, curlPut, inProcess, measured, pyMeasure, python, sizeLabel, takeDownload, type Context, type Row } from '../lib.js';

export async function image(ctx: Context): Promise<Row[]> {
  const images = ctx.conn.image;
  const { size, file } = ctx;
  const out = join(ctx.dir, 'image.bin');
  const endpoint = (await images.endpoint()).replace(/\/+$/, '').replace(/\/v2(\.\d+)?$/, '');
  const stamp = Date.now().toString(36);
  const create = async (who: string) => {
    const img = await images.createImage({
      name: `ossdk-bench-${who}-${stamp}`,
      disk_format: 'raw',
      container_format: 'bare',
    });
    ctx.trackImage(img.id);
    return img.id;
  };

  const sdkId = await create('sdk');
  const sdkUp = await inProcess(() => uploadImageFile(images, sdkId, file));
  const sdkDown = await inProcess(() => downloadImageToFile(images, sdkId, out));
  await takeDownload(out, size, 'downloadImageToFile');
  await images.deleteImage(sdkId);

  const curlId = await create('curl');
  const url = `${endpoint}/v2/images/${curlId}/file`;
  const curlUp = curlPut(file, url, ctx.token, ['Content-Type: application/octet-stream']);
  const curlDown = curlGet(url, out, ctx.token);
  await takeDownload(out, size, 'curl -o');
  await images.deleteImage(curlId);

  const pyUp = python(['image_upload', `ossdk-bench-py-${stamp}`, file]);
  let pyDown: ReturnType<typeof python> = 'skipped: no image uploaded';
  if (typeof pyUp !== 'string' && pyUp.id) {
    ctx.trackImage(pyUp.id);
    pyDown = python(['image_download', pyUp.id, out]);
    if (typeof pyDown !== 'string') await takeDownload(out, size, 'openstacksdk download_image');
    await images.deleteImage(pyUp.id);
  }
  await rm(out, { force: true });

  const gib = sizeLabel(size);
  const m = (r: { seconds: number; cpu: number }) => measured(r, { bytes: size });
  const up = `Glance: ${gib} image upload from a file`;
  const down = `Glance: ${gib} image download to a file`;
  return [
    {
      case: up,
      kind: 'throughput',
      sdk: m(sdkUp),
      baseline: 'curl -T',
      base: m(curlUp),
    },
    {
      case: up,
      kind: 'throughput',
      sdk: m(sdkUp),
      baseline: 'openstacksdk create_image',
      base: pyMeasure(pyUp, { bytes: size }),
    },
    {
      case: down,
      kind: 'throughput',
      sdk: m(sdkDown),
      baseline: 'curl -o',
      base: m(curlDown),
    },
    {
      case: down,
      kind: 'throughput',
      sdk: m(sdkDown),
      baseline: 'openstacksdk download_image',
      base: pyMeasure(pyDown, { bytes: size }),
    },
  ];
}
