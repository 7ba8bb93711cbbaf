/**
 * Node and Deno conveniences for the image service: an image's data uploaded from a file (read
 * piece by piece, never whole, in Deno too) and downloaded into one (verified before it is kept).
 */
import type { Image, ImageProxy, ImageUploadOptions } from '../services/image/index.js';
import type { Ref } from '../resource/proxy.js';
import type { CallOptions } from '../base/types.js';
import { openFileBlob } from './file-blob.js';
import { saveDownload, type SavedDownload } from './save-stream.js';
import { useNodeHashes } from './hashes.js';

// Files and downloads are hashed by node:crypto, not WebAssembly: less CPU per byte.
useNodeHashes();

/** The image service, or a Connection that has one. */
export type ImageLike = ImageProxy | { image: ImageProxy };

const imagesOf = (x: ImageLike): ImageProxy => ('image' in x ? x.image : x);

export interface UploadImageFileOptions extends CallOptions, ImageUploadOptions {
  /**
   * Send the file to the staging area (`PUT /stage`) instead of the image (`PUT /file`), for a
   * later `importImage(image, { name: 'glance-direct' })`.
   */
  stage?: boolean;
}

/**
 * Uploads a file as the data of a `queued` image, sending its size so that Glance can refuse what
 * exceeds a quota before any byte is sent. A disk image of many GiB takes little memory.
 */
export async function uploadImageFile(images: ImageLike, image: Ref, path: string, opts: UploadImageFileOptions = {}): Promise<void> {
  const { stage, ...rest } = opts;
  const file = await openFileBlob(path);
  // Node's file Blob is sent as it is (and can be sent again on a retry); Deno's file view is no
  // Blob that fetch knows, so its stream goes instead.
  const data = file instanceof Blob ? file : (file as Blob).stream();
  const upload = { size: file.size, ...rest };
  if (stage) return imagesOf(images).stageImage(image, data, upload);
  return imagesOf(images).uploadImage(image, data, upload);
}

/**
 * Downloads an image's data into a file, verified while it streams against the image's hash: the
 * data goes to `<path>.part` and is renamed to `path` only once complete and verified, so a failed
 * or corrupt download leaves no file at `path`. `checksum` is the digest that was verified, `info`
 * the image.
 */
export async function downloadImageToFile(
  images: ImageLike,
  image: Ref,
  path: string,
  opts: CallOptions & { verify?: boolean } = {},
): Promise<SavedDownload<Image>> {
  return saveDownload(await imagesOf(images).downloadImage(image, opts), path, opts.signal);
}
