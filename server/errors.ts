// Rocket.Chat's classic-route error envelope (§1.2): whatever a route throws becomes a 400 body.
import type { ErrorBody } from '../src/api/contract.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly errorType?: string,
    readonly details?: Record<string, unknown>,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** `new Meteor.Error(code, reason?, details?)` → `"Reason [code]"` / `"[code]"` with errorType. */
export function meteorError(code: string, reason?: string, details?: Record<string, unknown>): ApiError {
  return new ApiError(reason ? `${reason} [${code}]` : `[${code}]`, code, details, reason);
}

/** `new Error(text)`: the text alone, no errorType. */
export function plainError(text: string): ApiError {
  return new ApiError(text);
}

export function errorBody(e: unknown): ErrorBody {
  const body: ErrorBody = { success: false, error: e instanceof Error ? e.message : String(e) };
  if (e instanceof ApiError) {
    if (e.errorType) body.errorType = e.errorType;
    if (e.details) body.details = e.details;
  }
  return body;
}
