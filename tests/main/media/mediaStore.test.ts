import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMediaStore, sniffImageType } from '../../../src/main/media/mediaStore';
import { startCore } from '../../../src/main/core/startCore';
import { invokeChannel } from '../../../src/main/ipc/dispatch';
import { MEDIA_MAX_BYTES } from '../../../src/shared/domain/media';
import { imageFixture } from '../../support/images';
import { useTempDirs } from '../../support/tempDir';

const tempDir = useTempDirs();
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

describe('the media store', () => {
  it('copies an image into the data folder under its content hash, once', () => {
    const dir = tempDir();
    const media = createMediaStore(dir);
    const png = imageFixture('red.png');
    const first = media.put(png, 'image/png');
    expect(first.mediaId).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(first).toMatchObject({ type: 'image/png', size: png.length });
    expect(media.put(png, 'image/png')).toEqual(first);
    expect(readdirSync(join(dir, 'media'))).toEqual([first.mediaId]);
    expect(readFileSync(join(dir, 'media', first.mediaId))).toEqual(png);
    const jpg = media.put(imageFixture('blue.jpg'), 'image/jpeg');
    expect(jpg.mediaId).toMatch(/\.jpg$/);
    expect(media.resolve(jpg.mediaId)).toMatchObject({ type: 'image/jpeg' });
  });

  it('refuses what is not a JPEG, PNG, GIF or WebP, a type that lies, an empty or oversized file', () => {
    const media = createMediaStore(tempDir());
    expect(() => media.put(imageFixture('not-an-image.png'), 'image/png')).toThrow(/not a JPEG/);
    expect(() => media.put(imageFixture('red.png'), 'image/jpeg')).toThrow(/says it is image\/jpeg/);
    expect(() => media.put(Buffer.alloc(0), 'image/png')).toThrow(/empty/);
    const huge = Buffer.alloc(MEDIA_MAX_BYTES + 1);
    imageFixture('red.png').copy(huge);
    expect(() => media.put(huge, 'image/png')).toThrow(/too large/);
  });

  it('resolves only well-formed ids that are stored: no path ever leaves the media folder', () => {
    const dir = tempDir();
    const media = createMediaStore(dir);
    const { mediaId } = media.put(imageFixture('red.png'), 'image/png');
    expect(media.resolve(mediaId)?.file).toBe(join(dir, 'media', mediaId));
    for (const id of [
      '../redac.sqlite3',
      `${'a'.repeat(64)}.png`,
      `${mediaId}/..`,
      mediaId.toUpperCase(),
      '',
    ])
      expect(media.resolve(id), id).toBeUndefined();
  });

  it('sniffs the four image types from their bytes', () => {
    expect(sniffImageType(imageFixture('red.png'))).toBe('image/png');
    expect(sniffImageType(imageFixture('blue.jpg'))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('<svg/>'))).toBeUndefined();
  });

  it('takes uploads through the contract as base64 bytes', async () => {
    const dir = tempDir();
    const core = startCore({ dataDir: dir, transport: 'host', version: 'test' });
    const png = imageFixture('red.png');
    const result = await invokeChannel(
      core.handlers,
      'media:upload',
      { name: 'rouge.png', type: 'image/png', data: png.toString('base64') },
      quiet,
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(existsSync(join(dir, 'media', (result.value as { mediaId: string }).mediaId))).toBe(true);
    const refused = await invokeChannel(
      core.handlers,
      'media:upload',
      { name: 'x.svg', type: 'image/svg+xml', data: imageFixture('not-an-image.png').toString('base64') },
      quiet,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    core.close();
  });
});
