import { describe, expect, it } from 'vitest';
import { meteorId, newToken } from '../../src/lib/ids.ts';

describe('widget spec §3 / contract §1.1: visitor token', () => {
  it('is 64 lowercase hex characters and differs each time', () => {
    const a = newToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newToken()).not.toBe(a);
  });
});

describe('widget spec §6: message ids', () => {
  it('are Meteor-style: 17 characters of the unambiguous alphabet, different each time', () => {
    expect(meteorId()).toMatch(/^[23456789A-HJ-NP-TW-Za-km-z]{17}$/);
    expect(meteorId()).not.toBe(meteorId());
  });
});
