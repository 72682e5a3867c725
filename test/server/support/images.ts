// Image headers just long enough for a reader of pixel sizes (§4.11 image_dimensions): no pixel data follows.

const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

export function pngHeader(width: number, height: number): Buffer {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const ihdr = [...u32be(13), ...Buffer.from('IHDR'), ...u32be(width), ...u32be(height), 8, 6, 0, 0, 0, 0, 0, 0, 0];
  return Buffer.from([...signature, ...ihdr]);
}

export function gifHeader(width: number, height: number): Buffer {
  return Buffer.from([...Buffer.from('GIF89a'), width & 0xff, width >> 8, height & 0xff, height >> 8, 0, 0, 0]);
}

/** A JPEG start: an optional EXIF segment (big-endian TIFF) with the Orientation tag, then a baseline frame header. */
export function jpegHeader(width: number, height: number, { orientation }: { orientation?: number } = {}): Buffer {
  const parts: number[] = [0xff, 0xd8];
  if (orientation !== undefined) {
    const tiff = [
      ...Buffer.from('MM'),
      0x00,
      0x2a,
      ...u32be(8),
      ...u16be(1),
      ...u16be(0x0112),
      ...u16be(3),
      ...u32be(1),
      ...u16be(orientation),
      0,
      0,
      ...u32be(0),
    ];
    const exif = [...Buffer.from('Exif\0\0'), ...tiff];
    parts.push(0xff, 0xe1, ...u16be(exif.length + 2), ...exif);
  }
  parts.push(0xff, 0xc0, ...u16be(17), 8, ...u16be(height), ...u16be(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1);
  parts.push(0xff, 0xd9);
  return Buffer.from(parts);
}
