// Custom field values from the visitor (§3.4 singular, §3.5 plural — note the plural's capital `Key`).
import type { CustomFieldValue } from '../../src/api/contract.ts';
import { route } from '../route.ts';
import { S } from '../params.ts';
import { plainError } from '../errors.ts';
import { requireGuest } from '../livechat.ts';
import { checkRequired } from '../guests.ts';
import type { Store, StoredCustomField, StoredVisitor } from '../store.ts';

const fieldValue = S.object({ key: S.string, value: S.string, overwrite: S.boolean }, ['key', 'value', 'overwrite']);

function knownField(store: Store, { key, value }: CustomFieldValue): StoredCustomField {
  const field = store.customFields.get(key);
  if (!field) throw plainError('invalid-custom-field');
  if (field.regexp && !new RegExp(field.regexp).test(value)) throw plainError(`Invalid value for ${key} field`);
  return field;
}

/** Visitor scope → the visitor's livechatData; room scope → its open rooms' livechatData. */
function save(store: Store, visitor: StoredVisitor, field: StoredCustomField, { key, value, overwrite }: CustomFieldValue): void {
  const targets = field.scope === 'visitor' ? [visitor] : [...store.rooms.values()].filter((r) => r.open && r.v._id === visitor._id);
  for (const t of targets) {
    const data = (t.livechatData ??= {});
    if (overwrite || !data[key]) data[key] = value;
  }
}

export const customFieldRoutes = [
  route({
    method: 'POST',
    path: 'livechat/custom.field',
    schema: S.object({ token: S.string, key: S.string, value: S.string, overwrite: S.boolean }, ['token', 'key', 'value', 'overwrite']),
    action: ({ store, body }) => {
      const visitor = requireGuest(store, body.token);
      // the schema above has checked the types: these conversions only tell TypeScript
      const item: CustomFieldValue = { key: String(body.key), value: String(body.value), overwrite: body.overwrite === true };
      save(store, visitor, knownField(store, item), item);
      return { field: { key: item.key, value: item.value, overwrite: item.overwrite } };
    },
  }),
  route({
    method: 'POST',
    path: 'livechat/custom.fields',
    schema: S.object({ token: S.string, customFields: S.array(fieldValue) }, ['token', 'customFields']),
    action: ({ store, body }) => {
      const visitor = requireGuest(store, body.token);
      const items = body.customFields as CustomFieldValue[];
      const fields = items.map((item) => knownField(store, item));
      checkRequired(store, items);
      items.forEach((item, i) => save(store, visitor, fields[i], item));
      return { fields: items.map(({ key, value, overwrite }) => ({ Key: key, value, overwrite })) };
    },
  }),
];
