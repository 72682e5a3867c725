// A small Meteor `check()` (Meteor's check/match.js) for the three visitor routes that still use it (§1.2, §2.2).
// Messages and the `in field <path>` suffix follow match.js exactly; only the patterns those routes need exist.
import { ApiError } from './errors.ts';

class MatchFail {
  constructor(
    readonly message: string,
    public path = '',
  ) {}
}

export type Pattern = (value: unknown) => void;

const JS_KEYWORDS = new Set(
  (
    'do if in for let new try var case else enum eval false null this true void with break catch class const super ' +
    'throw while yield delete export import public return static switch typeof default extends finally package private continue ' +
    'debugger function arguments interface protected implements instanceof'
  ).split(' '),
);

/** Meteor's _prependPath: indexes as `[i]`, odd keys and JS keywords as `["k"]`, otherwise `key.base`. */
function prepend(fail: MatchFail, key: string | number): MatchFail {
  let head = String(key);
  if (typeof key === 'number' || /^[0-9]+$/.test(head)) head = `[${head}]`;
  else if (!/^[a-z_$][0-9a-z_$.[\]]*$/i.test(head) || JS_KEYWORDS.has(head)) head = JSON.stringify([head]);
  fail.path = fail.path && !fail.path.startsWith('[') ? `${head}.${fail.path}` : head + fail.path;
  return fail;
}

function within<T>(key: string | number, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw e instanceof MatchFail ? prepend(e, key) : e;
  }
}

function typeName(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

function scalar(kind: 'string' | 'boolean'): Pattern {
  return (value) => {
    if (typeof value !== kind) throw new MatchFail(`Expected ${kind}, got ${typeName(value)}`);
  };
}

export const String_ = scalar('string');
export const Boolean_ = scalar('boolean');

const OPTIONAL = Symbol('optional');
type Optional = Pattern & { [OPTIONAL]: true };

/** `Match.Maybe(p)` as an object key: the key may be absent, but a present value must match `p` — null included
 * (match.js checks optional keys against the inner pattern, §2.2). Only used inside object patterns here. */
export function maybe(inner: Pattern): Pattern {
  const p = ((value: unknown) => inner(value)) as Optional;
  p[OPTIONAL] = true;
  return p;
}

export function arrayOf(item: Pattern): Pattern {
  return (value) => {
    if (!Array.isArray(value)) throw new MatchFail(`Expected array, got ${value === undefined ? 'undefined' : JSON.stringify(value)}`);
    value.forEach((v, i) => within(i, () => item(v)));
  };
}

function objectPattern(shape: Record<string, Pattern>, unknownKeysAllowed: boolean): Pattern {
  return (value) => {
    if (typeof value !== 'object') throw new MatchFail(`Expected object, got ${typeof value}`);
    if (value === null) throw new MatchFail('Expected object, got null');
    if (Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) throw new MatchFail('Expected plain object');
    const record = value as Record<string, unknown>;
    for (const [key, v] of Object.entries(record)) {
      if (v === undefined) continue;
      // own keys only, as match.js keeps its patterns: `__proto__` or `toString` in the input are unknown keys
      const p = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (p) within(key, () => p(v));
      // the unknown key itself is the path, unescaped (match.js)
      else if (!unknownKeysAllowed) throw new MatchFail('Unknown key', key);
    }
    for (const [key, p] of Object.entries(shape)) {
      if (!(OPTIONAL in p) && record[key] === undefined) throw new MatchFail(`Missing key '${key}'`);
    }
  };
}

/** A plain-object pattern: unknown keys rejected. */
export const object = (shape: Record<string, Pattern>): Pattern => objectPattern(shape, false);
/** `Match.ObjectIncluding`: unknown keys allowed. */
export const objectIncluding = (shape: Record<string, Pattern>): Pattern => objectPattern(shape, true);

/** `check(value, pattern)`: throws the `Match error: …` ApiError of §1.2 (no errorType). */
export function check(value: unknown, pattern: Pattern): void {
  try {
    pattern(value);
  } catch (e) {
    if (!(e instanceof MatchFail)) throw e;
    throw new ApiError(`Match error: ${e.message}${e.path ? ` in field ${e.path}` : ''}`);
  }
}
