// English: the complete table. Its key order is the line order of the other tables, which fall back to it.
export const KEYS = 'open minimize title unread loading error retry unavailable name email phone department choose message optional required badEmail invalid start wait network consentTitle accept offlineTitle offlineIntro offlineSent send sending notSent finished endChat typing connecting back older waiting online away busy offline tooLong';

/** The words of `S`. */
type Words<S extends string> = S extends `${infer W} ${infer R}` ? W | Words<R> : S;
export type Key = Words<typeof KEYS>;
export type Table = Partial<Record<Key, string>>;

const keys = KEYS.split(' ') as Key[];
/** One line per key, in KEYS order; an empty line is left out. */
export const decode = (lines: string): Table => Object.fromEntries(lines.split('\n').map((v, i) => [keys[i], v || undefined]));

export const en = decode(`Open chat
Minimize chat
Chat with us
unread messages
Loading…
Something went wrong.
Try again
Chat is unavailable.
Name
Email
Phone
Department
Choose…
Message
optional
Required.
Invalid email address.
Invalid value.
Start chat
Retrying in {n} s…
Could not connect. Please try again.
Before we start
I agree
Leave a message
No one is available. Leave a message.
Thanks! Message sent.
Send
Sending…
Not sent
This conversation has ended.
End chat
{n} is typing…
Connecting…
Connected again.
Earlier messages
Waiting for an agent…
Online
Away
Busy
Offline
The message is too long.`) as Record<Key, string>;
