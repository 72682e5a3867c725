// Which files Rocket.Chat accepts: the media-type lists (app/utils/lib/restrictions.ts) and the Uploads store's filter
// that every upload passes on insert (app/file-upload/server/lib/FileUpload.ts validateFileUpload), with its texts
// (packages/i18n en: FileUpload_Disabled, File_exceeds_allowed_size_of_bytes, File_type_is_not_accepted).
import { meteorError } from '../errors.ts';
import type { Store } from '../store.ts';

/** A comma list, trimmed; empty (and, for the accepted list, `*`) means no list. */
function mediaTypeList(setting: unknown, { starMeansAll }: { starMeansAll: boolean }): string[] | undefined {
  const list = String(setting ?? '');
  if (!list || (starMeansAll && list === '*')) return undefined;
  return list.split(',').map((item) => item.trim());
}

/** Exact type, or `image/*` style wildcards. */
function isTypeOnList(type: string, list: string[]): boolean {
  return list.includes(type) || list.filter((item) => item.indexOf('/*') > 0).includes(type.replace(/(\/.*)$/, '/*'));
}

/** fileUploadIsValidContentType: the blocked list wins; without an accepted list everything else passes. */
export function isAcceptedMediaType(store: Store, type: string): boolean {
  const blocked = mediaTypeList(store.setting('FileUpload_MediaTypeBlackList'), { starMeansAll: false });
  const accepted = mediaTypeList(store.setting('FileUpload_MediaTypeWhiteList'), { starMeansAll: true });
  if (!type && blocked) return false;
  if (blocked && isTypeOnList(type, blocked)) return false;
  return !accepted || isTypeOnList(type, accepted);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** The `filesize` package (3.x, as Rocket.Chat pins it): powers of 1024, two decimals at most, "100 MB", "1.46 KB";
 * a value that rounds up to 1024 moves to the next unit. */
export function humanFileSize(bytes: number): string {
  let exponent = bytes > 0 ? Math.min(Math.floor(Math.log(bytes) / Math.log(1024)), UNITS.length - 1) : 0;
  let value = Number((bytes / 1024 ** exponent).toFixed(exponent > 0 ? 2 : 0));
  if (value === 1024 && exponent < UNITS.length - 1) {
    value = 1;
    exponent += 1;
  }
  return `${value} ${UNITS[exponent]}`;
}

/**
 * The Uploads store's filter: uploads off, then the size against FileUpload_MaxFileSize as an integer (-1 = no limit;
 * note 0 refuses every non-empty file here, while the livechat route reads 0 as the 100 MB default), then the type.
 */
export function validateFileUpload(store: Store, file: { size: number; type: string }): void {
  if (!store.setting('FileUpload_Enabled')) throw meteorError('error-file-upload-disabled', 'File uploads are disabled.');
  const maxFileSize = parseInt(String(store.setting('FileUpload_MaxFileSize')), 10);
  if (maxFileSize > -1 && file.size > maxFileSize) {
    throw meteorError('error-file-too-large', `File size exceeds upload limit of ${humanFileSize(maxFileSize)}.`);
  }
  if (!isAcceptedMediaType(store, file.type)) throw meteorError('error-invalid-file-type', 'File type is not accepted.');
}
