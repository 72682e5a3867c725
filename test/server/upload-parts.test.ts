// §4.11 the pieces behind the upload: image sizes from headers (uploadsOnValidate's identify), the `filesize` texts
// of Rocket.Chat's size errors, and the media-type lists (fileUploadIsValidContentType).
import { describe, expect, it } from 'vitest';
import { identifyImage } from '../../server/upload/image-size.ts';
import { humanFileSize, isAcceptedMediaType } from '../../server/upload/restrictions.ts';
import { storeFromSeed } from '../../server/seed.ts';
import { gifHeader, jpegHeader, pngHeader } from './support/images.ts';

describe('§4.11 identifyImage', () => {
  it("§4.11 PNG, GIF and JPEG headers give sharp's format and the size", () => {
    expect(identifyImage('image/png', pngHeader(1920, 1080))).toEqual({ format: 'png', size: { width: 1920, height: 1080 } });
    expect(identifyImage('image/gif', gifHeader(300, 200))).toEqual({ format: 'gif', size: { width: 300, height: 200 } });
    expect(identifyImage('image/jpeg', jpegHeader(800, 600))).toEqual({ format: 'jpeg', size: { width: 800, height: 600 } });
    expect(identifyImage('image/pjpeg', jpegHeader(8, 6, { orientation: 1 }))).toEqual({ format: 'jpeg', size: { width: 8, height: 6 } });
  });

  it.each([2, 3, 5, 6, 7, 8])('§4.11 any EXIF orientation but 1 (here %i) swaps width and height, as Rocket.Chat does', (orientation) => {
    expect(identifyImage('image/jpeg', jpegHeader(800, 600, { orientation }))?.size).toEqual({ width: 600, height: 800 });
  });

  it('§4.11 other types, truncated or foreign bytes give nothing', () => {
    expect(identifyImage('image/webp', pngHeader(1, 1))).toBeUndefined();
    expect(identifyImage('image/png', pngHeader(1, 1).subarray(0, 20))).toBeUndefined();
    expect(identifyImage('image/png', gifHeader(1, 1))).toBeUndefined();
    expect(identifyImage('image/jpeg', jpegHeader(8, 6).subarray(0, 8))).toBeUndefined();
    expect(identifyImage('image/jpeg', Buffer.from('not a jpeg'))).toBeUndefined();
  });
});

it.each([
  [0, '0 B'],
  [4, '4 B'],
  [1023, '1023 B'],
  [1500, '1.46 KB'],
  [1048575, '1 MB'],
  [104857600, '100 MB'],
  [5 * 1024 ** 3, '5 GB'],
])('§4.11 humanFileSize(%i) = %s (filesize 3.x)', (bytes, text) => {
  expect(humanFileSize(bytes)).toBe(text);
});

it('§4.11 media types: the blocked list wins over the accepted one, `type/*` wildcards, an empty accepted list or `*` accepts all', () => {
  const store = storeFromSeed({ settings: { FileUpload_MediaTypeBlackList: 'image/svg+xml, video/*', FileUpload_MediaTypeWhiteList: '' } });
  expect(['image/png', 'text/plain', 'image/svg+xml', 'video/mp4'].map((t) => isAcceptedMediaType(store, t))).toEqual([true, true, false, false]);
  store.settings.FileUpload_MediaTypeWhiteList = 'image/*,application/pdf';
  expect(['image/png', 'application/pdf', 'text/plain', 'image/svg+xml'].map((t) => isAcceptedMediaType(store, t))).toEqual([
    true,
    true,
    false,
    false,
  ]);
  store.settings.FileUpload_MediaTypeWhiteList = '*';
  expect(isAcceptedMediaType(store, 'text/plain')).toBe(true);
  expect(isAcceptedMediaType(store, '')).toBe(false); // no type while a blocked list exists
  store.settings.FileUpload_MediaTypeBlackList = '';
  expect(isAcceptedMediaType(store, '')).toBe(true);
});
