import { describe, expect, it } from 'vitest';
import { classifyMethod, classifySend, PERMANENT_ERRORS } from '../../src/api/send-errors.ts';

describe('POST livechat/message answers for the outbox', () => {
  it('§1.4 network errors, 5xx and 408 retry; so does a 2xx whose body could not be read (it may have arrived: the retry asks the history first)', () => {
    for (const s of [0, 200, 500, 502, 503, 408]) expect(classifySend(s)).toEqual({ kind: 'retry' });
  });
  it('§1.4 a 429 pauses the queue as long as the server said (seconds, read by the REST client)', () => {
    expect(classifySend(429, 'You must wait 12 seconds [error-too-many-requests]', 12)).toEqual({ kind: 'paused', forMs: 12000 });
    expect(classifySend(429)).toEqual({ kind: 'paused', forMs: 5000 });
  });
  it('§4.3 the repeated-id TypeError means "look in the history", not failure', () => {
    expect(classifySend(400, 'Cannot convert undefined or null to object')).toEqual({ kind: 'retry' });
  });
  it('§4.3 / §1.2 known 4xx codes are permanent, whatever envelope they come in', () => {
    expect(PERMANENT_ERRORS).toContain('room-closed');
    expect(classifySend(400, 'room-closed')).toEqual({ kind: 'failed', error: 'room-closed' });
    expect(classifySend(400, "must have required property 'rid' [invalid-params]")).toEqual({ kind: 'failed', error: 'invalid-params' });
    expect(classifySend(400, 'message-length-exceeds-character-limit')).toEqual({ kind: 'failed', error: 'message-length-exceeds-character-limit' });
  });
  it('other 4xx are permanent with their own text, so they never loop', () => {
    expect(classifySend(403, 'Forbidden')).toEqual({ kind: 'failed', error: 'Forbidden' });
    expect(classifySend(404)).toEqual({ kind: 'failed', error: 'http-404' });
  });
});

describe('DDP sendMessageLivechat errors for the outbox (contract §6; RC methods/sendMessageLivechat.ts)', () => {
  it("the DDP rate limiter's too-many-requests sends over REST until its timeToReset (rateLimiter.js: 10 calls / 10 s)", () => {
    const reason = 'Error, too many requests. Please slow down. You must wait 8 seconds before trying again.';
    expect(classifyMethod({ error: 'too-many-requests', reason, details: { timeToReset: 7600 } })).toEqual({ kind: 'use-rest', forMs: 7600 });
    expect(classifyMethod({ error: 'too-many-requests' })).toEqual({ kind: 'use-rest', forMs: 10_000 });
  });
  it('a server without the method (404, from 9.0) sends over REST for good', () => {
    expect(classifyMethod({ error: 404, reason: "Method 'sendMessageLivechat' not found" })).toEqual({ kind: 'use-rest', forMs: Infinity });
  });
  it('no answer (socket dropped, timeout) or an internal error (a repeated _id fails the insert) may have arrived: retry, asking the history first', () => {
    for (const error of ['disconnected', 'timeout', 500]) expect(classifyMethod({ error })).toEqual({ kind: 'retry' });
  });
  it('§4.3 the codes REST also answers are permanent', () => {
    expect(classifyMethod({ error: 'invalid-token' })).toEqual({ kind: 'failed', error: 'invalid-token' });
    expect(classifyMethod({ error: 'message-length-exceeds-character-limit' })).toEqual({
      kind: 'failed',
      error: 'message-length-exceeds-character-limit',
    });
  });
  it("any other refusal goes to REST at once, whose answer the widget reads (e.g. cannot-access-room, 'Match failed')", () => {
    expect(classifyMethod({ error: 'cannot-access-room' })).toEqual({ kind: 'use-rest', forMs: 0 });
    expect(classifyMethod({ error: 400, reason: 'Match failed' })).toEqual({ kind: 'use-rest', forMs: 0 });
  });
});
