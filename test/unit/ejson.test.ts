import { describe, expect, it } from 'vitest';
import { decodeEjson } from '../../src/api/ejson.ts';

describe('EJSON dates (§1.1, §6.5)', () => {
  it('decodes {$date} at any depth, leaving everything else alone', () => {
    const raw = { _id: 'm1', ts: { $date: 1714653300000 }, u: { _id: 'a' }, list: [{ $date: 0 }, 'x', null, 3], md: [] };
    expect(decodeEjson(raw)).toEqual({ _id: 'm1', ts: new Date(1714653300000), u: { _id: 'a' }, list: [new Date(0), 'x', null, 3], md: [] });
  });
  it('does not take an object with more keys for a date', () => {
    expect(decodeEjson({ $date: 1, other: 2 })).toEqual({ $date: 1, other: 2 });
    expect(decodeEjson(null)).toBe(null);
  });
});
