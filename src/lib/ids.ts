// Random identifiers from crypto.getRandomValues (widget spec §3, §6), never Math.random.

const randomBytes = (count: number) => crypto.getRandomValues(new Uint8Array(count));

/** The visitor token: 32 random bytes as 64 lowercase hex characters, like the official widget (§1.1). */
export const newToken = (): string => Array.from(randomBytes(32), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Meteor's id alphabet: no 0, 1, I, O, l, U, V (55 characters). */
const METEOR_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** A Meteor-style 17-character id (widget spec §6), so the server stores a message under our _id (§4.3). */
export const meteorId = (): string => Array.from(randomBytes(17), (byte) => METEOR_ALPHABET[byte % METEOR_ALPHABET.length]).join('');
