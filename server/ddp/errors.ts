// Meteor.Error as it is serialised into `nosub` / `result` frames (§6.4, spec §12.3).
// A Meteor.Error without a reason has message "[error]"; with one, "reason [error]".

export interface MeteorError {
  isClientSafe: true;
  error: string | number;
  reason?: string;
  details?: Record<string, unknown>;
  message: string;
  errorType: 'Meteor.Error';
}

export function meteorError(error: string | number, reason?: string): MeteorError {
  return reason === undefined
    ? { isClientSafe: true, error, message: `[${error}]`, errorType: 'Meteor.Error' }
    : { isClientSafe: true, error, reason, message: `${reason} [${error}]`, errorType: 'Meteor.Error' };
}

/** What a publish function throws for a refused stream subscription (§6.4). */
export const NOT_ALLOWED = meteorError('not-allowed');
export const INVALID_EVENT_NAME = meteorError('invalid-event-name');
/** Meteor wraps a failed `check()` (Match.Error is not client-safe) into this. */
export const MATCH_FAILED = meteorError(400, 'Match failed');
/** Any other error a method throws that is not a Meteor.Error reaches the client sanitised as this. */
export const INTERNAL_ERROR = meteorError(500, 'Internal server error');

/** Thrown inside a method to answer with that Meteor.Error. */
export class MethodError extends Error {
  constructor(readonly meteor: MeteorError) {
    super(meteor.message);
  }
}
