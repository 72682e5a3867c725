// What an answer to sending a message means for the outbox: REST `POST livechat/message` (§1.2, §1.4, §4.3) and
// the DDP method `sendMessageLivechat` (§6; Rocket.Chat apps/meteor/app/livechat/server/methods/sendMessageLivechat.ts).
import type { DdpError } from './contract.ts';
import type { SendResult } from '../storage/outbox.ts';

/** 4xx error codes that no resend can fix (§4.3): the entry is kept as failed with this reason. */
export const PERMANENT_ERRORS = ['room-closed', 'invalid-room', 'invalid-token', 'message-length-exceeds-character-limit', 'invalid-params'] as const;

/** §4.3: the text Rocket.Chat answers when the _id was already stored, i.e. an earlier attempt did arrive. */
const REPEATED_ID = 'Cannot convert undefined or null to object';

/** A failed answer: `status` 0 = none came (network error, CORS, timeout); a 2xx is a body we could not read, so
 * the message may have arrived and the retry asks the history first. `retryAfter` in seconds, as the REST client
 * reads it from a 429 (§1.4): the call was refused, so the queue pauses that long. */
export function classifySend(status: number, error = 'http-' + status, retryAfter = 5): Exclude<SendResult, { kind: 'sent' }> {
  if (status == 429) return { kind: 'paused', forMs: retryAfter * 1e3 };
  if (status < 300 || status >= 500 || status == 408) return { kind: 'retry' };
  // The repeated-id TypeError: "retry" makes the outbox look in the history first and find the message there.
  if (error.includes(REPEATED_ID)) return { kind: 'retry' };
  // `error` is "code", "Reason [code]" or "… [invalid-params]" (§1.2); other 4xx keep their raw text.
  return { kind: 'failed', error: PERMANENT_ERRORS.find((c) => error.endsWith(c) || error.endsWith(c + ']')) ?? error };
}

/** The method's error when the message should go over REST instead, now or for `forMs` (Infinity: never again). */
export type UseRest = { kind: 'use-rest'; forMs: number };

/** The DDP rate limiter's default window for a method on one connection (rateLimiter.js: 10 calls / 10 s). */
const METHOD_WINDOW_MS = 1e4;

/** A `sendMessageLivechat` error (the ddp client's own 'disconnected' and 'timeout' included). */
export function classifyMethod(e: DdpError): Exclude<SendResult, { kind: 'sent' }> | UseRest {
  const { error, details } = e;
  // Refused before the method ran (Meteor's DDPRateLimiter): REST has its own limit, so it goes there meanwhile.
  if (error == 'too-many-requests') return { kind: 'use-rest', forMs: Number(details?.timeToReset) || METHOD_WINDOW_MS };
  // "Method not found": a server without it (deprecated for 9.0).
  if (error == 404) return { kind: 'use-rest', forMs: Infinity };
  // No answer, or an internal error (a repeated _id fails the insert): it may have arrived, the retry asks first.
  if (error == 'disconnected' || error == 'timeout' || error == 500) return { kind: 'retry' };
  if ((PERMANENT_ERRORS as readonly unknown[]).includes(error)) return { kind: 'failed', error: String(error) };
  // Any other refusal: REST's answer, which the widget knows how to read, decides.
  return { kind: 'use-rest', forMs: 0 };
}
