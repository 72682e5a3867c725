// Random identifiers from crypto.getRandomValues (widget spec §3, §6); never Math.random.

const bytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** The visitor token: 32 random bytes as 64 lowercase hex characters, like the official widget (§1.1). */
export const newToken = () => Array.from(bytes(32), (b) => b.toString(16).padStart(2, '0')).join('');

/** Meteor's Random.id alphabet (no look-alike characters). */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** A Meteor-style 17-character message id. Bytes ≥ 220 (4 × 55) are skipped so every character is equally likely. */
export function newId(): string {
  let id = '';
  while (id.length < 17) for (const b of bytes(32)) if (b < 220 && id.length < 17) id += ALPHABET[b % 55];
  return id;
}
