// DDP payloads carry dates as EJSON `{"$date": ms}` (§6.5); the store keeps Date objects.
// JSON.stringify calls Date#toJSON before a replacer sees the value, so the replacer looks at
// the holder's original property instead.

export function stringifyEjson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = this[key];
    return original instanceof Date ? { $date: original.getTime() } : v;
  });
}
