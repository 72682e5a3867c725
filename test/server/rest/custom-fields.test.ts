// §3.4 custom.field, §3.5 custom.fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type TestServer } from './client.ts';

let s: TestServer;
beforeAll(async () => {
  s = await start();
  await s.api('POST', 'livechat/visitor', { visitor: { token: 'tok' } });
});
afterAll(() => s.close());

describe('§3.4 POST livechat/custom.field', () => {
  it('§3.4 saves a visitor-scope value and echoes the field', async () => {
    const r = await s.api('POST', 'livechat/custom.field', { token: 'tok', key: 'plan', value: 'Pro', overwrite: true });
    expect(r.body).toEqual({ field: { key: 'plan', value: 'Pro', overwrite: true }, success: true });
    expect(s.store.visitorByToken('tok')?.livechatData?.plan).toBe('Pro');
  });
  it('§3.4 room-scope value lands in the open room', async () => {
    s.store.customFields.set('topic', { ...s.store.customFields.get('plan')!, _id: 'topic', scope: 'room' });
    const { rid } = await s.chat('roomie');
    await s.api('POST', 'livechat/custom.field', { token: 'roomie', key: 'topic', value: 'billing', overwrite: true });
    expect(s.store.rooms.get(rid)?.livechatData).toEqual({ topic: 'billing' });
  });
  it.each([
    [{ token: 'tok', key: 'plan', value: 'x' }, "must have required property 'overwrite' [invalid-params]", 'invalid-params'],
    [{ token: 'tok', key: 'plan', value: 'x', overwrite: true, extra: 1 }, 'must NOT have additional properties [invalid-params]', 'invalid-params'],
    [{ token: 'tok', key: 'plan', value: 'x', overwrite: 'maybe' }, 'must be boolean [invalid-params]', 'invalid-params'],
    [{ token: 'nobody', key: 'plan', value: 'x', overwrite: true }, 'invalid-token', undefined],
    [{ token: 'tok', key: 'nope', value: 'x', overwrite: true }, 'invalid-custom-field', undefined],
    [{ token: 'tok', key: 'orderNumber', value: 'abc', overwrite: true }, 'Invalid value for orderNumber field', undefined],
  ])('§3.4 %j → %s', async (body, error, errorType) => {
    const r = await s.api('POST', 'livechat/custom.field', body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error, ...(errorType ? { errorType } : {}) });
  });
  it('§1.2 coerceTypes: a number where a string is expected is accepted', async () => {
    const r = await s.api('POST', 'livechat/custom.field', { token: 'tok', key: 'orderNumber', value: 123456, overwrite: 'true' });
    expect(r.body).toEqual({ field: { key: 'orderNumber', value: '123456', overwrite: true }, success: true });
  });
});

describe('§3.5 POST livechat/custom.fields', () => {
  const all = [
    { key: 'orderNumber', value: '5555', overwrite: true },
    { key: 'plan', value: 'Free', overwrite: true },
  ];
  it('§3.5 answers fields with the capital-K Key quirk', async () => {
    const r = await s.api('POST', 'livechat/custom.fields', { token: 'tok', customFields: all });
    expect(r.body).toEqual({ fields: all.map(({ key, value, overwrite }) => ({ Key: key, value, overwrite })), success: true });
  });
  it('§3.5 unknown key → invalid-custom-field (unlike POST visitor)', async () => {
    const r = await s.api('POST', 'livechat/custom.fields', { token: 'tok', customFields: [...all, { key: 'zzz', value: '1', overwrite: true }] });
    expect(r.body.error).toBe('invalid-custom-field');
  });
  it('§3.5 regexp is checked; required fields are enforced', async () => {
    expect(
      (await s.api('POST', 'livechat/custom.fields', { token: 'tok', customFields: [{ key: 'orderNumber', value: 'x', overwrite: true }] })).body
        .error,
    ).toBe('Invalid value for orderNumber field');
    expect((await s.api('POST', 'livechat/custom.fields', { token: 'tok', customFields: [all[1]] })).body.error).toBe(
      'Missing required custom fields: orderNumber',
    );
  });
  it('§3.5 items need all three keys; customFields is required', async () => {
    expect((await s.api('POST', 'livechat/custom.fields', { token: 'tok', customFields: [{ key: 'plan', value: 'x' }] })).body.error).toBe(
      "must have required property 'overwrite' [invalid-params]",
    );
    expect((await s.api('POST', 'livechat/custom.fields', { token: 'tok' })).body.error).toBe(
      "must have required property 'customFields' [invalid-params]",
    );
  });
});
