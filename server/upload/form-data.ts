// Multipart bodies read as Rocket.Chat 7.x reads them (apps/meteor/app/api/server/lib/getUploadFormData.ts, busboy):
// one file part under the expected field name, the other parts as text fields, and the file cut at the size limit —
// which is answered `[error-file-too-large]` (8.x's MultipartUploadHandler says "File size exceeds the allowed limit
// [error-file-too-large]" and allows a file of exactly the limit; 7.x refuses that one too, busboy marking it cut).
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { meteorError, plainError } from '../errors.ts';

export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

export interface UploadForm {
  file: UploadedFile;
  /** the text parts (`description`, `msg`, …) by name; a repeated name keeps its last value */
  fields: Record<string, string>;
}

export interface ReadOptions {
  /** the file part's field name; a file under any other name fails with `[invalid-field]` */
  field: string;
  /** bytes; a file reaching it is cut and refused; -1 or 0 means no limit (as `sizeLimit && sizeLimit > -1`) */
  sizeLimit: number;
}

/**
 * Reads the whole request. Rejects with Rocket.Chat's errors: busboy's own for a body that is not multipart
 * ("Unsupported content type: …", "Missing Content-Type", "Multipart: Boundary not found"), `[invalid-field]`,
 * `[error-file-too-large]`, "Just 1 file is allowed", `[No file uploaded]`.
 */
export function readUploadForm(req: IncomingMessage, { field, sizeLimit }: ReadOptions): Promise<UploadForm> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, ...(sizeLimit > 0 ? { fileSize: sizeLimit } : {}) } });
    } catch (e) {
      req.resume(); // the body still has to be read before the answer can go out on this connection
      reject(e instanceof Error ? plainError(e.message) : e);
      return;
    }
    // no prototype, as in Rocket.Chat: a part named `__proto__` is just a field
    const fields: Record<string, string> = Object.create(null);
    let file: UploadedFile | undefined;
    // the form is complete once busboy has finished and the file part's stream has ended, in whichever order
    let finished = false;
    let readingFile = false;
    const settle = () => {
      if (!finished || readingFile) return;
      if (file) resolve({ file, fields });
      else reject(meteorError('No file uploaded'));
    };

    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, { filename, mimeType }) => {
      if (name !== field) {
        stream.resume();
        reject(meteorError('invalid-field'));
        return;
      }
      readingFile = true;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        readingFile = false;
        if (stream.truncated) reject(meteorError('error-file-too-large'));
        else file = { filename, mimetype: mimeType, data: Buffer.concat(chunks) };
        settle();
      });
    });
    parser.on('filesLimit', () => reject(plainError('Just 1 file is allowed')));
    parser.on('error', (e: Error) => reject(plainError(e.message)));
    parser.on('close', () => {
      finished = true;
      settle();
    });
    req.on('error', (e) => reject(plainError(e.message)));
    req.pipe(parser);
  });
}
