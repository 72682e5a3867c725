// DDP payloads carry dates as EJSON `{"$date": ms}` (§1.1, §6.5); the ddp-client does no decoding, so we do.
const isDate = (v: any): v is { $date: number } => typeof v.$date == 'number' && Object.keys(v).length == 1;

/** Turns every `{$date: ms}` inside `v` into a Date, at any depth. */
export const decodeEjson = (v: any): any =>
  v && typeof v == 'object'
    ? isDate(v)
      ? new Date(v.$date)
      : Array.isArray(v)
        ? v.map(decodeEjson)
        : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeEjson(x)]))
    : v;
