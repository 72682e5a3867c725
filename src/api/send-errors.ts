// What a `POST livechat/message` answer means for the outbox (§1.2, §1.4, §4.3).
import type { SendResult } from '../storage/outbox.ts';

/** 4xx error codes that no resend can fix (§4.3): the entry is kept as failed with this reason. */
export const PERMANENT_ERRORS = ['room-closed', 'invalid-room', 'invalid-token', 'message-length-exceeds-character-limit', 'invalid-params'] as const;

/** §4.3: the text Rocket.Chat answers when the _id was already stored, i.e. an earlier attempt did arrive. */
const REPEATED_ID = 'Cannot convert undefined or null to object';

/** A failed answer: `status` 0 = none came (network error, CORS, timeout); a 2xx is a body we could not read, so
 * the message may have arrived and the retry asks the history first. `retryAfter` in seconds, as the REST client
 * reads it from RC's 429 text "You must wait N seconds" (§1.4). */
export function classifySend(status: number, error = 'http-' + status, retryAfter?: number): Exclude<SendResult, 'ok'> {
  if (status < 300 || status >= 500 || status == 408 || status == 429) return { retry: true, after: retryAfter && retryAfter * 1e3 };
  // The repeated-id TypeError: "retry" makes the outbox look in the history first and find the message there.
  if (error.includes(REPEATED_ID)) return { retry: true };
  // `error` is "code", "Reason [code]" or "… [invalid-params]" (§1.2); other 4xx keep their raw text.
  return { permanent: true, error: PERMANENT_ERRORS.find((c) => error.endsWith(c) || error.endsWith(c + ']')) ?? error };
}
