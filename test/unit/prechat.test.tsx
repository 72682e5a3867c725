// The pre-chat form (widget spec §4.4, contract §2): rendered from the config, validated all at once with errors tied
// to their fields, one POST livechat/visitor then GET livechat/room, server errors back on the field they name,
// 429 and network failures that keep every typed value.
import { fireEvent, within } from '@testing-library/preact';
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/api/contract.ts';
import { loadConfig } from '../../src/state/config.ts';
import { prechatList, prefillPrechat } from '../../src/state/prechat.ts';
import { room } from '../../src/state/room.ts';
import type { Options } from '../../src/state/options.ts';
import { beginSession, endSession } from '../../src/state/session.ts';
import { PrechatForm } from '../../src/ui/PrechatForm.tsx';
import { configAnswer, fakeRest, flush, json, makeConfig, rcError, roomAnswer, spyKv, visitorAnswer } from './fake-rest.ts';

const departments = [
  { _id: 'dep1', name: 'Sales', showOnRegistration: true, showOnOfflineForm: true },
  { _id: 'dep2', name: 'Billing', showOnRegistration: false, showOnOfflineForm: true },
  { _id: 'dep3', name: 'Support', showOnRegistration: true, showOnOfflineForm: false },
];
const customFields: Config['customFields'] = [
  { _id: 'region', label: 'Region', type: 'select', options: ['North', 'South'], required: true },
  { _id: 'order', label: 'Order number', type: 'input', regexp: '^\\d{6}$', required: false },
  { _id: 'source', label: 'How did you find us', type: 'input', defaultValue: 'web' },
];
const full = () => makeConfig({ departments, customFields });

let rest: ReturnType<typeof fakeRest>;
let kv: ReturnType<typeof spyKv>;
let container: HTMLElement;
let q: ReturnType<typeof within>;

/** Config through the real REST client, then the form rendered once, as mount() renders the widget. */
async function show(c: Config, routes: Parameters<typeof fakeRest>[0] = {}, opts: Partial<Options> = {}) {
  rest = fakeRest({
    'GET config': configAnswer(c),
    'POST visitor': (call) => visitorAnswer(call.body.visitor.token),
    'GET room': (call) => roomAnswer('R1', call.query.token!),
    'GET messages.history': json({ messages: [], success: true }),
    ...routes,
  });
  beginSession({ server: 'http://rc.test', lang: 'en', ...opts }, kv);
  await loadConfig();
  prefillPrechat();
  container = document.body.appendChild(document.createElement('div'));
  render(h(PrechatForm, null), container);
  q = within(container);
}

const input = (label: string | RegExp) => q.getByLabelText(label) as HTMLInputElement;
const select = (label: string | RegExp) => {
  const el = q.getByLabelText(label);
  if (!(el instanceof HTMLSelectElement)) throw new Error(`${label} is a <${el.tagName.toLowerCase()}>, not a <select>`);
  return el;
};
const type = (label: string | RegExp, value: string) => fireEvent.input(input(label), { target: { value } });
const choose = (label: string | RegExp, value: string) => fireEvent.change(input(label), { target: { value } });
const startButton = () => q.getByRole('button') as HTMLButtonElement;
const start = () => fireEvent.click(startButton());
const errorOf = (el: HTMLElement) => {
  const id = el.getAttribute('aria-describedby');
  return id ? document.getElementById(id)?.textContent : undefined;
};
function fillValid() {
  type('Name', 'Jane Doe');
  type('Email', 'jane@example.com');
  type(/^Phone/, '+1 555 0100');
  choose(/^Department/, 'dep3');
  choose('Region', 'South');
  type(/^Order number/, '123456');
}
const values = () => Object.fromEntries([...container.querySelectorAll<HTMLInputElement>('input, select')].map((e) => [e.name, e.value]));

beforeEach(() => {
  kv = spyKv();
});
afterEach(() => {
  render(null, container);
  container.remove();
  endSession();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('widget §4.4: the pre-chat form is built from the config (§4.1)', () => {
  it('widget §4.4: name, email, phone, departments with showOnRegistration only, custom fields; every field has a label', async () => {
    await show(full());
    const controls = [...container.querySelectorAll<HTMLElement>('input, select, textarea')];
    expect(controls.map((e) => e.getAttribute('name'))).toEqual(['name', 'email', 'phone', 'department', 'cf.region', 'cf.order', 'cf.source']);
    for (const el of controls) {
      const label = container.querySelector(`label[for="${el.id}"]`);
      expect(label?.textContent?.trim(), el.id).toBeTruthy();
    }
    expect(input('Name').type).toBe('text');
    expect(input('Email').type).toBe('email');
    expect(input(/^Phone/).type).toBe('tel');
    const dep = select(/^Department/);
    expect([...dep.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Choose…'],
      ['dep1', 'Sales'],
      ['dep3', 'Support'],
    ]);
    const region = select('Region');
    expect([...region.options].map((o) => o.value)).toEqual(['', 'North', 'South']);
    expect(input(/^Order number/).tagName).toBe('INPUT');
    // defaultValue is prefilled; required fields say so to assistive technology, optional ones say so in the label
    expect(input(/^How did you find us/).value).toBe('web');
    expect(region.getAttribute('aria-required')).toBe('true');
    expect(input(/^Order number/).getAttribute('aria-required')).toBe('false');
    expect(q.getByText('Order number').closest('label')!.textContent).toMatch(/optional/);
    expect(q.getByText('Name').closest('label')!.textContent).not.toMatch(/optional/);
  });

  it('widget §4.4: Name and Email follow nameFieldRegistrationForm / emailFieldRegistrationForm', async () => {
    await show(makeConfig({}, { nameFieldRegistrationForm: false, emailFieldRegistrationForm: true }));
    expect(q.queryByLabelText('Name')).toBeNull();
    expect(q.getByLabelText('Email')).toBeTruthy();
    endSession();
    render(null, container);
    await show(makeConfig({}, { nameFieldRegistrationForm: true, emailFieldRegistrationForm: false }));
    expect(q.getByLabelText('Name')).toBeTruthy();
    expect(q.queryByLabelText('Email')).toBeNull();
  });

  it.each([
    ['required', true],
    ['optional', false],
    ['off', undefined],
  ] as const)('widget §4.4: data-phone=%s', async (phone, required) => {
    await show(makeConfig(), {}, { phone });
    const el = q.queryByLabelText(/^Phone/);
    if (required === undefined) return expect(el).toBeNull();
    expect(el!.getAttribute('aria-required')).toBe(String(required));
    start();
    await flush();
    expect(el!.getAttribute('aria-invalid')).toBe(String(required));
  });

  it('widget §4.4: no department with showOnRegistration → no Department field; data-department preselects by name', async () => {
    await show(makeConfig({ departments: [departments[1]!] }));
    expect(q.queryByLabelText(/^Department/)).toBeNull();
    endSession();
    render(null, container);
    await show(makeConfig({ departments }), {}, { department: 'Support' });
    expect(input(/^Department/).value).toBe('dep3');
  });

  it('§4.1 a returning visitor (config.guest) finds name and email filled in', async () => {
    await show(
      makeConfig({ guest: { _id: 'V9', username: 'guest-9', token: 'x', name: 'Old Name', visitorEmails: [{ address: 'old@example.com' }] } }),
    );
    expect(input('Name').value).toBe('Old Name');
    expect(input('Email').value).toBe('old@example.com');
  });

  it('widget §4.7: the form greets the visitor with config messages.registrationFormMessage, else a sentence of its own', async () => {
    await show(makeConfig({ messages: { ...makeConfig().messages, registrationFormMessage: 'Welcome to Acme support!' } }));
    expect(q.getByText('Welcome to Acme support!')).toBeTruthy();
    endSession();
    render(null, container);
    await show(makeConfig(), {}, { lang: 'de' });
    expect(q.getByText('Hallo! Erzählen Sie uns kurz etwas über sich, gleich ist jemand für Sie da.')).toBeTruthy();
  });

  it('§4.1 registrationForm off: no pre-chat fields at all', async () => {
    await show(makeConfig({ departments, customFields }, { registrationForm: false }));
    expect(prechatList.value).toEqual([]);
    expect(container.querySelector('input, select')).toBeNull();
  });
});

describe('widget §4.4: validation shows every error at once', () => {
  it('widget §4.4: Start on an empty form: every error inline, aria-invalid + aria-describedby, focus on the first, nothing sent', async () => {
    await show(full());
    expect(startButton().disabled).toBe(false);
    start();
    await flush();
    expect(startButton().disabled).toBe(false);
    const bad = ['Name', 'Email', 'Region'].map((l) => input(l));
    for (const el of bad) {
      expect(el.getAttribute('aria-invalid')).toBe('true');
      expect(errorOf(el)).toBe('This field is required.');
      // the message sits right under its field
      expect(el.parentElement!.contains(document.getElementById(el.getAttribute('aria-describedby')!))).toBe(true);
    }
    for (const el of [input(/^Phone/), input(/^Order number/), input(/^How did you find us/)]) {
      expect(el.getAttribute('aria-invalid')).toBe('false');
      expect(el.hasAttribute('aria-describedby')).toBe(false);
    }
    expect(q.getAllByRole('alert')).toHaveLength(3);
    expect(document.activeElement).toBe(input('Name'));
    expect(rest.to('POST visitor')).toHaveLength(0);
  });

  it('widget §4.4: a bad email and a value failing the custom regexp; focus on the first invalid; typed values stay; fixing clears the error', async () => {
    await show(full());
    type('Name', 'Jane');
    type('Email', 'jane@');
    choose('Region', 'North');
    type(/^Order number/, '12ab');
    start();
    await flush();
    expect(errorOf(input('Email'))).toBe('Enter a valid email address.');
    expect(errorOf(input(/^Order number/))).toBe('This value is not valid.');
    expect(input('Name').getAttribute('aria-invalid')).toBe('false');
    expect(document.activeElement).toBe(input('Email'));
    expect(values()).toMatchObject({ name: 'Jane', email: 'jane@', 'cf.region': 'North', 'cf.order': '12ab', 'cf.source': 'web' });
    type('Email', 'jane@example.com');
    expect(input('Email').getAttribute('aria-invalid')).toBe('false');
    expect(input('Email').hasAttribute('aria-describedby')).toBe(false);
    expect(errorOf(input(/^Order number/))).toBe('This value is not valid.');
    expect(rest.to('POST visitor')).toHaveLength(0);
  });
});

describe('§2.1 / widget §4.4: submit', () => {
  it('§2.1 one POST livechat/visitor with token, name, email, phone, department, customFields; then GET livechat/room with that token', async () => {
    await show(full());
    fillValid();
    expect(kv.set).not.toHaveBeenCalled(); // widget §3: nothing written before the visitor starts
    start();
    start(); // a second press while the first is under way
    await vi.waitFor(() => expect(room.value).toBe('R1'));
    const posts = rest.to('POST visitor');
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body;
    expect(Object.keys(body)).toEqual(['visitor']);
    expect(body.visitor).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      name: 'Jane Doe',
      email: 'jane@example.com',
      phone: '+1 555 0100',
      department: 'dep3',
      customFields: [
        { key: 'region', value: 'South', overwrite: true },
        { key: 'order', value: '123456', overwrite: true },
        { key: 'source', value: 'web', overwrite: true },
      ],
    });
    expect(posts[0]!.headers.get('content-type')).toBe('application/json');
    expect(rest.calls.map((c) => c.route).slice(0, 3)).toEqual(['GET config', 'POST visitor', 'GET room']);
    expect(rest.to('GET room')[0]!.query).toEqual({ token: body.visitor.token });
    // the token was stored before it was sent (widget spec §3), and it is the one sent
    expect(kv.m.get('token')).toBe(body.visitor.token);
    expect(kv.set.mock.invocationCallOrder[0]).toBeLessThan(rest.fetch.mock.invocationCallOrder[1]!);
  });

  it('§2.1 empty optional fields are left out, not sent as empty strings', async () => {
    await show(full());
    type('Name', ' Jane ');
    type('Email', 'jane@example.com');
    choose('Region', 'North');
    start();
    await vi.waitFor(() => expect(room.value).toBe('R1'));
    const v = rest.to('POST visitor')[0]!.body.visitor;
    expect(v).toEqual({
      token: expect.any(String),
      name: 'Jane',
      email: 'jane@example.com',
      customFields: [
        { key: 'region', value: 'North', overwrite: true },
        { key: 'source', value: 'web', overwrite: true },
      ],
    });
  });

  it.each([
    [
      '§2.2 error-invalid-email → Email',
      rcError('Invalid email jane@example.com [error-invalid-email]', 'error-invalid-email'),
      'Email',
      'Enter a valid email address.',
    ],
    [
      '§2.2 error-invalid-department → Department',
      rcError('The provided department is invalid [error-invalid-department]', 'error-invalid-department'),
      /^Department/,
      'This value is not valid.',
    ],
    ['§2.2 plain error-invalid-department (omni-core) → Department', rcError('error-invalid-department'), /^Department/, 'This value is not valid.'],
    [
      '§2.2 Missing required custom fields → that field',
      rcError('Missing required custom fields: order'),
      /^Order number/,
      'This field is required.',
    ],
  ] as const)('%s, focused, every value kept, no room asked for', async (_, answer, label, message) => {
    await show(full(), { 'POST visitor': answer });
    fillValid();
    if (typeof label != 'string' && label.source.includes('Order')) type(/^Order number/, '');
    const before = values();
    start();
    await vi.waitFor(() => expect(input(label).getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(input(label))).toBe(message);
    expect(document.activeElement).toBe(input(label));
    expect(values()).toEqual(before);
    expect(rest.to('GET room')).toHaveLength(0);
    expect(room.value).toBe('');
  });

  it('§2.2 Missing required custom fields naming several keys marks each of them', async () => {
    await show(full(), { 'POST visitor': rcError('Missing required custom fields: order, source') });
    fillValid();
    type(/^Order number/, '');
    type(/^How did you find us/, '');
    start();
    await vi.waitFor(() => expect(input(/^Order number/).getAttribute('aria-invalid')).toBe('true'));
    expect(input(/^How did you find us/).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input(/^Order number/));
  });

  it('§1.4 / widget §4.4: 429 shows a calm "try again in N s" countdown and resubmits by itself; values kept', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const tooMany = rcError(
      'Error, too many requests. Please slow down. You must wait 3 seconds before trying this endpoint again. [error-too-many-requests]',
      undefined,
      429,
    );
    await show(full(), { 'POST visitor': [tooMany, (c) => visitorAnswer(c.body.visitor.token)] });
    fillValid();
    const before = values();
    start();
    await flush();
    const status = () => q.queryByRole('status')?.textContent;
    expect(status()).toBe('Trying again in 3 seconds…');
    expect(q.queryByRole('alert')).toBeNull(); // calm: a status, not an alert
    expect(startButton().disabled).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(status()).toBe('Trying again in 2 seconds…');
    start(); // pressing Start meanwhile does not send early
    await flush();
    expect(rest.to('POST visitor')).toHaveLength(1);
    expect(values()).toEqual(before);
    await vi.advanceTimersByTimeAsync(1000);
    expect(status()).toBe('Trying again in 1 second…');
    await vi.advanceTimersByTimeAsync(1000);
    await flush();
    expect(rest.to('POST visitor')).toHaveLength(2);
    expect(rest.to('POST visitor')[1]!.body).toEqual(rest.to('POST visitor')[0]!.body);
    await vi.waitFor(() => expect(room.value).toBe('R1'));
    expect(status()).toBeUndefined();
  });

  it('widget §4.4: a network error keeps the form and every value and offers to try again, which works', async () => {
    await show(full(), { 'POST visitor': [new TypeError('Failed to fetch'), (c) => visitorAnswer(c.body.visitor.token)] });
    fillValid();
    const before = values();
    start();
    await vi.waitFor(() => expect(q.queryByRole('alert')).not.toBeNull());
    expect(q.getByRole('alert').textContent).toBe('Could not connect. Please try again.');
    expect(startButton().textContent).toBe('Try again');
    expect(startButton().disabled).toBe(false);
    expect(values()).toEqual(before);
    expect(container.querySelector('[aria-invalid="true"]')).toBeNull();
    expect(room.value).toBe('');
    start();
    await vi.waitFor(() => expect(room.value).toBe('R1'));
    expect(rest.to('POST visitor')).toHaveLength(2);
    expect(q.queryByRole('alert')).toBeNull();
  });

  it('§2.2 an error naming no field (registration failed) is shown as an alert; values kept', async () => {
    await show(full(), {
      'POST visitor': rcError('Error registering visitor [error-livechat-visitor-registration]', 'error-livechat-visitor-registration'),
    });
    fillValid();
    const before = values();
    start();
    await vi.waitFor(() => expect(q.queryByRole('alert')?.textContent).toBe('Something went wrong. Please try again.'));
    expect(startButton().textContent).toBe('Start chat');
    expect(values()).toEqual(before);
  });

  it('§4.2 the room failing after a good registration keeps the form and its values', async () => {
    await show(full(), { 'GET room': rcError('Sorry, no online agents [no-agent-online]', 'no-agent-online') });
    fillValid();
    const before = values();
    start();
    await vi.waitFor(() => expect(q.queryByRole('alert')).not.toBeNull());
    expect(values()).toEqual(before);
    expect(room.value).toBe('');
  });

  it('§4.2 a malformed room answer is an error state, not a crash', async () => {
    await show(full(), { 'GET room': json({ success: true, room: { name: 'no id' } }) });
    fillValid();
    start();
    await vi.waitFor(() => expect(q.queryByRole('alert')?.textContent).toBe('Something went wrong. Please try again.'));
    expect(room.value).toBe('');
  });

  it('§1.5 a room failure after a good registration: the retry asks the room again without a second POST livechat/visitor', async () => {
    await show(full(), { 'GET room': [new TypeError('Failed to fetch'), (c) => roomAnswer('R1', c.query.token!)] });
    fillValid();
    start();
    await vi.waitFor(() => expect(q.queryByRole('alert')).not.toBeNull());
    start();
    await vi.waitFor(() => expect(room.value).toBe('R1'));
    expect(rest.to('GET room')).toHaveLength(2);
    expect(rest.to('POST visitor')).toHaveLength(1);
  });
});

describe('widget §4.4: input survives every failure, and what is sent is what the visitor sees', () => {
  it('§1.4 a value corrected during the 429 countdown is the one the automatic retry sends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const tooMany = rcError(
      'Error, too many requests. Please slow down. You must wait 2 seconds before trying this endpoint again. [error-too-many-requests]',
      undefined,
      429,
    );
    await show(full(), { 'POST visitor': [tooMany, (c) => visitorAnswer(c.body.visitor.token)] });
    fillValid();
    start();
    await flush();
    expect(q.queryByRole('status')).not.toBeNull();
    type('Name', 'Jane Q. Doe');
    await vi.advanceTimersByTimeAsync(2000);
    await flush();
    const posts = rest.to('POST visitor');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body.visitor.name).toBe('Jane Doe');
    expect(posts[1]!.body.visitor.name).toBe('Jane Q. Doe');
  });

  it.each([
    ['§2.2 Missing required custom fields for a field the config does not show', rcError('Missing required custom fields: secret'), {}],
    [
      '§2.2 error-invalid-department for a data-department the form does not show',
      rcError('The provided department is invalid [error-invalid-department]', 'error-invalid-department'),
      { department: 'Billing' },
    ],
  ] as const)('%s: the visitor is told (an alert), not left with nothing on screen', async (_, answer, opts) => {
    await show(makeConfig({ departments: [departments[1]!] }), { 'POST visitor': answer }, opts);
    type('Name', 'Jane');
    type('Email', 'jane@example.com');
    start();
    await vi.waitFor(() => expect(rest.to('POST visitor')).toHaveLength(1));
    await flush();
    expect(q.queryByRole('alert')?.textContent).toBe('Something went wrong. Please try again.');
    expect(values()).toMatchObject({ name: 'Jane', email: 'jane@example.com' });
  });
});
