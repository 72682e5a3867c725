// Visitor-facing errors are sentences, never the server's codes (widget spec §4.4, §5): the codes a visitor can
// understand get their own sentence, every other one the general "Something went wrong".

/** Error code → locale key. */
const SENTENCES = {
  network: 'cannotConnect',
  'room-closed': 'chatEnded',
  'no-agent-online': 'noAgentAvailable',
  'message-length-exceeds-character-limit': 'messageTooLong',
  'invalid-room': 'chatNoLongerAvailable',
  'invalid-token': 'chatNoLongerAvailable',
} as const;

type Code = keyof typeof SENTENCES;
const isKnown = (code: string): code is Code => code in SENTENCES;

/** The locale key for an error: a bare code (`room-closed`) or Rocket.Chat's "Reason [code]" text (§1.2). */
export function errorSentence(error: string): (typeof SENTENCES)[Code] | 'somethingWentWrong' {
  const code = /\[([\w-]+)\]$/.exec(error)?.[1] ?? error;
  return isKnown(code) ? SENTENCES[code] : 'somethingWentWrong';
}
