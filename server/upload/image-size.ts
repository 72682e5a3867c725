// An image's pixel size from its header, for `image_dimensions` (§4.11). Rocket.Chat asks sharp on upload
// (app/file-upload/server/lib/FileUpload.ts uploadsOnValidate) and swaps width and height when an EXIF orientation
// other than 1 is present; the stand-in reads PNG, GIF and JPEG headers itself and leaves BMP and WebP without a size.

export interface ImageIdentity {
  /** sharp's format name */
  format: 'png' | 'gif' | 'jpeg';
  size: { width: number; height: number };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function png(data: Buffer): ImageIdentity | undefined {
  // the signature, then the IHDR chunk: length, "IHDR", width, height (big-endian)
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { format: 'png', size: { width: data.readUInt32BE(16), height: data.readUInt32BE(20) } };
}

function gif(data: Buffer): ImageIdentity | undefined {
  // "GIF87a" / "GIF89a", then the logical screen width and height (little-endian)
  if (data.length < 10 || !/^GIF8[79]a$/.test(data.toString('latin1', 0, 6))) return undefined;
  return { format: 'gif', size: { width: data.readUInt16LE(6), height: data.readUInt16LE(8) } };
}

/** The Orientation tag (0x0112) of an APP1 "Exif" segment's first directory, if any. */
function exifOrientation(segment: Buffer): number | undefined {
  if (segment.toString('latin1', 0, 6) !== 'Exif\0\0') return undefined;
  const tiff = segment.subarray(6);
  if (tiff.length < 8) return undefined;
  const littleEndian = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (littleEndian ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (littleEndian ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const directory = u32(4);
  if (directory + 2 > tiff.length) return undefined;
  const entries = u16(directory);
  for (let i = 0; i < entries; i += 1) {
    const entry = directory + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return undefined;
}

/** Start-of-frame markers carry the size; C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding) do not. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);

function jpeg(data: Buffer): ImageIdentity | undefined {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let orientation: number | undefined;
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1];
    const length = data.readUInt16BE(at + 2);
    if (marker === 0xe1) orientation ??= exifOrientation(data.subarray(at + 4, at + 2 + length));
    if (isStartOfFrame(marker)) {
      if (at + 9 > data.length) return undefined;
      const height = data.readUInt16BE(at + 5);
      const width = data.readUInt16BE(at + 7);
      const rotated = orientation !== undefined && orientation !== 1;
      return { format: 'jpeg', size: rotated ? { width: height, height: width } : { width, height } };
    }
    at += 2 + length;
  }
  return undefined;
}

/** uploadsOnValidate identifies `image/(x-windows-)bmp|(p)jpeg|png|gif|webp` uploads. Here a type not covered, or a
 * header that does not read, gives no size (and the upload goes on; sharp would refuse an unreadable image). */
export function identifyImage(type: string, data: Buffer): ImageIdentity | undefined {
  if (type === 'image/png') return png(data);
  if (type === 'image/gif') return gif(data);
  if (type === 'image/jpeg' || type === 'image/pjpeg') return jpeg(data);
  return undefined;
}
