import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

/** Widths the widget's `srcset` picks from: grid tiles, the dialog, full-size screens. */
export const WIDTHS = [320, 640, 1080] as const;

export interface Rendition {
  width: number;
  /** `/media/...` URL, relative to the API base. */
  webp: string;
  jpeg: string;
}

export interface RehostedImage {
  width: number;
  height: number;
  renditions: Rendition[];
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function download(url: string, maxBytes: number, accept: RegExp): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`media download failed: HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (!accept.test(type)) throw new Error(`media download: unexpected content type "${type}"`);
  const buffer = Buffer.from(await response.arrayBuffer());
  if (buffer.length > maxBytes) throw new Error(`media download: ${buffer.length} bytes is over the ${maxBytes} limit`);
  return buffer;
}

/**
 * Instances of a fleet share the media folder and may write one file at once: each writes a name of its own,
 * then renames it into place, so a reader sees the whole file or none (rename is atomic on one file system).
 */
async function writeWhole(path: string, data: Buffer): Promise<void> {
  const partial = `${path}.${randomUUID()}.partial`;
  await writeFile(partial, data);
  await rename(partial, path);
}

const digest = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex').slice(0, 12);

/**
 * Downloads an image once and writes WebP and JPEG renditions at each width up to the original,
 * named by content hash so they can be served `immutable`. Instagram's CDN URLs expire within days;
 * these never do.
 */
export async function rehostImage(url: string, mediaDir: string, folder: string, id: string): Promise<RehostedImage> {
  const source = await download(url, 25 * 1024 * 1024, /^image\//);
  const image = sharp(source, { failOn: 'error' }).rotate();
  const { width = 0, height = 0 } = await image.metadata();
  if (!width || !height) throw new Error('media download: not a readable image');
  const name = `${id.replace(/[^0-9A-Za-z_-]/g, '')}-${digest(source)}`;
  const dir = join(mediaDir, folder);
  await mkdir(dir, { recursive: true });
  const targets: number[] = WIDTHS.filter(target => target < width);
  if (targets.length < WIDTHS.length) targets.push(Math.min(width, WIDTHS[WIDTHS.length - 1]));
  const renditions: Rendition[] = [];
  for (const target of targets) {
    const webp = `${name}-${target}.webp`;
    const jpeg = `${name}-${target}.jpg`;
    if (!(await exists(join(dir, webp)))) {
      const resized = image.clone().resize({ width: target, withoutEnlargement: true });
      await writeWhole(join(dir, webp), await resized.clone().webp({ quality: 76 }).toBuffer());
      await writeWhole(join(dir, jpeg), await resized.jpeg({ quality: 80, mozjpeg: true }).toBuffer());
    }
    renditions.push({ width: target, webp: `/media/${folder}/${webp}`, jpeg: `/media/${folder}/${jpeg}` });
  }
  return { width, height, renditions };
}

/** Downloads a video once and keeps it byte for byte (no transcoding in the example server). */
export async function rehostVideo(url: string, mediaDir: string, folder: string, id: string): Promise<string> {
  const source = await download(url, 200 * 1024 * 1024, /^video\//);
  const file = `${id.replace(/[^0-9A-Za-z_-]/g, '')}-${digest(source)}.mp4`;
  const dir = join(mediaDir, folder);
  await mkdir(dir, { recursive: true });
  if (!(await exists(join(dir, file)))) await writeWhole(join(dir, file), source);
  return `/media/${folder}/${file}`;
}

/** True when every file a previous sync wrote for this slide is still on disk (so it can be reused). */
export async function stillOnDisk(mediaDir: string, urls: string[]): Promise<boolean> {
  for (const url of urls) if (!(await exists(join(mediaDir, url.replace(/^\/media\//, ''))))) return false;
  return true;
}
