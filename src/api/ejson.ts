// DDP payloads carry dates as EJSON `{"$date": ms}` (§1.1, §6.5); the ddp-client does no decoding, so we do.
import { isObj } from './shapes.ts';

/** Turns every `{$date: ms}` inside `v` into a Date, at any depth. `v` came from JSON.parse, so a round trip through
 * JSON keeps it whole and lets the reviver walk it; wrapped, so that an undefined result survives. */
export const decodeEjson = (v: unknown): unknown =>
  JSON.parse(JSON.stringify({ v }), (_, x: unknown) => (isObj(x) && typeof x.$date == 'number' && Object.keys(x).length == 1 ? new Date(x.$date) : x))
    .v;
