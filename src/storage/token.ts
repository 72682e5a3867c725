// The visitor token from crypto.getRandomValues (widget spec §3), never Math.random; message ids are the outbox's.

const bytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** The visitor token: 32 random bytes as 64 lowercase hex characters, like the official widget (§1.1). */
export const newToken = () => Array.from(bytes(32), (b) => b.toString(16).padStart(2, '0')).join('');
