import { describe, expect, it } from 'vitest';
import { newToken } from '../../src/storage/token.ts';

describe('widget spec §3 / contract §1.1: visitor token', () => {
  it('is 64 lowercase hex characters and differs each time', () => {
    const a = newToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newToken()).not.toBe(a);
  });
});
