import { describe, expect, it } from 'vitest';
import { classifySend, PERMANENT_ERRORS } from '../../src/api/send-errors.ts';

describe('POST livechat/message answers for the outbox', () => {
  it('§1.4 network errors, 5xx, 408 and 429 retry; so does a 2xx whose body could not be read (it may have arrived: the retry asks the history first)', () => {
    for (const s of [0, 200, 500, 502, 503, 408, 429]) expect(classifySend(s)).toEqual({ retry: true, after: undefined });
  });
  it('§1.4 429 waits as long as the server said (seconds, read by the REST client)', () => {
    expect(classifySend(429, 'You must wait 12 seconds [error-too-many-requests]', 12)).toEqual({ retry: true, after: 12000 });
  });
  it('§4.3 the repeated-id TypeError means "look in the history", not failure', () => {
    expect(classifySend(400, 'Cannot convert undefined or null to object')).toEqual({ retry: true });
  });
  it('§4.3 / §1.2 known 4xx codes are permanent, whatever envelope they come in', () => {
    expect(PERMANENT_ERRORS).toContain('room-closed');
    expect(classifySend(400, 'room-closed')).toEqual({ permanent: true, error: 'room-closed' });
    expect(classifySend(400, "must have required property 'rid' [invalid-params]")).toEqual({ permanent: true, error: 'invalid-params' });
    expect(classifySend(400, 'message-length-exceeds-character-limit')).toEqual({ permanent: true, error: 'message-length-exceeds-character-limit' });
  });
  it('other 4xx are permanent with their own text, so they never loop', () => {
    expect(classifySend(403, 'Forbidden')).toEqual({ permanent: true, error: 'Forbidden' });
    expect(classifySend(404)).toEqual({ permanent: true, error: 'http-404' });
  });
});
