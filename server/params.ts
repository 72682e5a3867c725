// A small hand-written stand-in for the AJV `validateParams` of rest-typings (§1.2): same messages, first error
// only (RC compiles without allErrors), and `coerceTypes: true` semantics — scalars are coerced in place.
import { ApiError } from './errors.ts';

export type Schema =
  | { type: 'string'; minLength?: number }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'array'; items: Schema; minItems?: number }
  | { type: 'object'; properties: Record<string, Schema>; required?: string[]; additionalProperties?: boolean };

const str = (minLength?: number): Schema => ({ type: 'string', ...(minLength ? { minLength } : {}) });
/** Shorthands so route files read like rest-typings' schemas. */
export const S = {
  string: str(),
  nonEmpty: str(1),
  number: { type: 'number' } as Schema,
  boolean: { type: 'boolean' } as Schema,
  array: (items: Schema, minItems?: number): Schema => ({ type: 'array', items, ...(minItems ? { minItems } : {}) }),
  object: (properties: Record<string, Schema>, required: string[] = [], additionalProperties = false): Schema => ({
    type: 'object',
    properties,
    required,
    additionalProperties,
  }),
};

type Result = { ok: true; value: unknown } | { ok: false; message: string };

/** AJV's coercion table for scalar targets; `undefined` = not coercible. */
function coerce(type: 'string' | 'number' | 'boolean', v: unknown): unknown {
  if (type === 'string') {
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v === null) return '';
  } else if (type === 'number') {
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v === null) return 0;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  } else {
    if (v === 'true' || v === 1) return true;
    if (v === 'false' || v === 0 || v === null) return false;
  }
  return undefined;
}

function run(schema: Schema, v: unknown): Result {
  switch (schema.type) {
    case 'string':
    case 'number':
    case 'boolean': {
      const value = typeof v === schema.type ? v : coerce(schema.type, v);
      if (value === undefined) return { ok: false, message: `must be ${schema.type}` };
      if (schema.type === 'string' && schema.minLength && (value as string).length < schema.minLength)
        return { ok: false, message: `must NOT have fewer than ${schema.minLength} characters` };
      return { ok: true, value };
    }
    case 'array': {
      if (!Array.isArray(v)) return { ok: false, message: 'must be array' };
      if (schema.minItems && v.length < schema.minItems) return { ok: false, message: `must NOT have fewer than ${schema.minItems} items` };
      for (let i = 0; i < v.length; i++) {
        const r = run(schema.items, v[i]);
        if (!r.ok) return r;
        v[i] = r.value;
      }
      return { ok: true, value: v };
    }
    case 'object': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, message: 'must be object' };
      const o = v as Record<string, unknown>;
      // AJV order: `required`, then `additionalProperties`, then `properties`.
      for (const key of schema.required ?? []) if (o[key] === undefined) return { ok: false, message: `must have required property '${key}'` };
      if (!schema.additionalProperties)
        for (const key of Object.keys(o)) if (!(key in schema.properties)) return { ok: false, message: 'must NOT have additional properties' };
      for (const [key, sub] of Object.entries(schema.properties)) {
        if (o[key] === undefined) continue;
        const r = run(sub, o[key]);
        if (!r.ok) return r;
        o[key] = r.value;
      }
      return { ok: true, value: o };
    }
  }
}

/** Validates (and coerces in place) or throws errorType `invalid-params` with `"<msg> [invalid-params]"` (classic
 * addRoute validateParams, §1.2) or the bare message (typed routes, §1.3). */
export function validateParams(schema: Schema, value: unknown, style: 'classic' | 'typed' = 'classic'): void {
  const r = run(schema, value);
  if (!r.ok) throw new ApiError(style === 'classic' ? `${r.message} [invalid-params]` : r.message, 'invalid-params');
}
