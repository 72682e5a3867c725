// Request bodies: bounded reading and JSON parsing that turn bad input into Rocket.Chat's 400 envelope.
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.ts';

/** JSON bodies above this are refused (Rocket.Chat's body parser has a limit too; the exact number differs). */
export const MAX_JSON_BYTES = 1_000_000;

export class BodyTooLarge extends ApiError {
  constructor() {
    super('request entity too large');
  }
}

/** Reads at most `limit` bytes; beyond that the rest is drained and BodyTooLarge thrown. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  }
  if (tooLarge) throw new BodyTooLarge();
  return Buffer.concat(chunks);
}

/** Empty body → `{}`; malformed JSON → a 400 envelope with the parser's message. */
export function parseJson(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new ApiError((e as Error).message);
  }
}

/** The query string as Rocket.Chat's queryParams: strings, and an array for a repeated key (as express's qs). */
export function queryObject(url: URL): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length > 1 ? values : values[0];
  }
  return query;
}
