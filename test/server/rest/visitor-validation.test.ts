// §2.2: every validation row of POST livechat/visitor, with the exact Match error strings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type TestServer } from './client.ts';

let s: TestServer;
beforeAll(async () => {
  s = await start();
});
afterAll(() => s.close());

const rows: [string, string][] = [
  ['{}', "Match error: Missing key 'visitor'"],
  ['{"visitor":{}}', "Match error: Missing key 'token' in field visitor"],
  ['{"visitor":"x"}', 'Match error: Expected object, got string in field visitor'],
  ['{"visitor":null}', 'Match error: Expected object, got null in field visitor'],
  ['{"visitor":[]}', 'Match error: Expected plain object in field visitor'],
  ['{"visitor":{"token":123}}', 'Match error: Expected string, got number in field visitor.token'],
  ['{"visitor":{"token":"t","name":null}}', 'Match error: Expected string, got null in field visitor.name'],
  ['{"visitor":{"token":"t","phone":5}}', 'Match error: Expected string, got number in field visitor.phone'],
  ['{"visitor":{"token":"t"},"extra":1}', 'Match error: Unknown key in field extra'],
  ['{"visitor":{"token":"t"},"__proto__":1}', 'Match error: Unknown key in field __proto__'],
  ['{"visitor":{"token":"t"},"toString":1}', 'Match error: Unknown key in field toString'],
  ['{"visitor":{"token":"t","customFields":"x"}}', 'Match error: Expected array, got "x" in field visitor.customFields'],
  ['{"visitor":{"token":"t","customFields":null}}', 'Match error: Expected array, got null in field visitor.customFields'],
  ['{"visitor":{"token":"t","customFields":[{"key":"a","value":"b"}]}}', "Match error: Missing key 'overwrite' in field visitor.customFields[0]"],
  [
    '{"visitor":{"token":"t","customFields":[{"key":"a","value":"b","overwrite":"yes"}]}}',
    'Match error: Expected boolean, got string in field visitor.customFields[0].overwrite',
  ],
  [
    '{"visitor":{"token":"t","customFields":[{"key":"a","value":1,"overwrite":true}]}}',
    'Match error: Expected string, got number in field visitor.customFields[0].value',
  ],
];

describe('§2.2 POST livechat/visitor validation', () => {
  it.each(rows)('§2.2 %s → %s', async (body, error) => {
    const r = await s.api('POST', 'livechat/visitor', body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error });
  });

  it('§2.2 {"visitor":{"token":"t","foo":1}} → accepted (extra keys inside visitor allowed)', async () => {
    const r = await s.api('POST', 'livechat/visitor', '{"visitor":{"token":"t-foo","foo":1}}');
    expect(r.status).toBe(200);
    expect(r.body.success).toBe(true);
  });

  it.each(['', '   '])('§2.2 token %j → Token cannot be empty [error-invalid-token] with details', async (token) => {
    const r = await s.api('POST', 'livechat/visitor', { visitor: { token } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      success: false,
      error: 'Token cannot be empty [error-invalid-token]',
      errorType: 'error-invalid-token',
      details: { method: 'livechat/visitor' },
    });
  });

  it('§2.2 unknown department → The provided department is invalid [error-invalid-department]', async () => {
    const r = await s.api('POST', 'livechat/visitor', { visitor: { token: 'd1', department: 'nope' } });
    expect(r.body).toEqual({
      success: false,
      error: 'The provided department is invalid [error-invalid-department]',
      errorType: 'error-invalid-department',
    });
  });

  it('§2.2 bad email → Invalid email <email> [error-invalid-email] (after trim + lower-case)', async () => {
    const r = await s.api('POST', 'livechat/visitor', { visitor: { token: 'e1', email: ' NOT-AN-EMAIL ' } });
    expect(r.body).toEqual({ success: false, error: 'Invalid email not-an-email [error-invalid-email]', errorType: 'error-invalid-email' });
  });

  it('§2.2 customFields sent without a required field → Missing required custom fields: orderNumber', async () => {
    const r = await s.api('POST', 'livechat/visitor', { visitor: { token: 'c1', customFields: [{ key: 'plan', value: 'Pro', overwrite: true }] } });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ success: false, error: 'Missing required custom fields: orderNumber' });
  });
});

describe('§1.2 Meteor check() path format', () => {
  it('§1.2 array indexes appear as [i] in nested paths', async () => {
    const r = await s.api(
      'POST',
      'livechat/visitor',
      '{"visitor":{"token":"t","customFields":[{"key":"a","value":"b","overwrite":true},{"key":"a","value":"b","overwrite":1}]}}',
    );
    expect(r.body.error).toBe('Match error: Expected boolean, got number in field visitor.customFields[1].overwrite');
  });
  it('§1.2 an unknown key is named as sent', async () => {
    expect((await s.api('POST', 'livechat/visitor', '{"visitor":{"token":"t"},"my-key":1}')).body.error).toBe(
      'Match error: Unknown key in field my-key',
    );
  });
});
