// The agent console page itself (widget.md §10), run in happy-dom against the live stand-in: what an agent reads.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { startHarness, type Harness } from './support/harness.ts';
import { consolePage } from '../../server/agent/page.ts';
import { pngHeader } from './support/images.ts';

let h: Harness;
let window: Window;
let rid: string;

/** The console listens with EventSource, which happy-dom lacks; this one stays silent. */
class SilentEventSource {
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  close(): void {}
}

async function openConsole(): Promise<Window> {
  const w = new Window({ url: h.url, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  Object.assign(w, { EventSource: SilentEventSource });
  w.document.write(consolePage());
  await w.happyDOM.waitUntilComplete();
  return w;
}

async function post(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${h.url}/api/v1/livechat/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

beforeEach(async () => {
  h = await startHarness();
  h.store.agents.set('agent-2', { _id: 'agent-2', username: 'agent2', name: 'Agent Two', status: 'online', departments: ['dep-support'] });
  h.store.agents.get('agent-1')!.departments = ['dep-sales'];
  await post('visitor', {
    visitor: {
      token: 'tok',
      name: 'Jane',
      department: 'dep-sales',
      customFields: [
        { key: 'orderNumber', value: '12345', overwrite: true },
        { key: 'plan', value: 'Pro', overwrite: true },
      ],
    },
  });
  const { room } = (await (await fetch(`${h.url}/api/v1/livechat/room?token=tok`)).json()) as { room: { _id: string } };
  rid = room._id;
  await post('message', { token: 'tok', rid, msg: `A${'a'.repeat(300)}h` });
  await post('page.visited', {
    token: 'tok',
    rid,
    pageInfo: { change: 'url', title: 'Pricing', location: { href: 'https://site.example/pricing' } },
  });
  await post('room.transfer', { token: 'tok', rid, department: 'dep-support' });
  window = await openConsole();
});
afterEach(async () => {
  await window.happyDOM.close();
  await h.close();
});

test('the selected room shows custom fields by their labels and system messages in words, never their raw ids or types', async () => {
  const document = window.document;
  const entry = [...document.querySelectorAll('#list-open button')].find((b) => b.textContent?.startsWith('Jane'));
  expect(entry).toBeDefined();
  entry!.dispatchEvent(new window.MouseEvent('click'));
  await window.happyDOM.waitUntilComplete();
  const details = [...document.querySelectorAll('#visitor dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
  expect(details).toEqual(
    expect.arrayContaining([
      ['Order number', '12345'],
      ['Plan', 'Pro'],
    ]),
  );
  expect(details.map(([label]) => label)).not.toEqual(expect.arrayContaining(['orderNumber']));
  const lines = [...document.querySelectorAll('#message-list li .text')].map((t) => t.textContent);
  expect(lines).toEqual([
    'Conversation started',
    `A${'a'.repeat(300)}h`,
    'Visited Pricing - https://site.example/pricing',
    'Moved to the Support department',
  ]);
  const log = document.querySelector('#message-list')!.textContent!;
  for (const raw of ['livechat-started', 'livechat_navigation_history', 'livechat_transfer_history']) expect(log).not.toContain(raw);
});

test('a long unbroken word wraps inside the conversation instead of squeezing the sidebar (console.css)', () => {
  const css = window.document.querySelector('style')!.textContent!;
  expect(css).toMatch(/nav \{\s*flex: 0 0 18rem;/); // the sidebar neither grows nor shrinks
  expect(css).toMatch(/main,\s*#empty \{[^}]*min-width: 0;/); // the conversation may shrink below its longest word
  expect(css).toMatch(/nav button,\s*dd,\s*#messages \.text \{\s*overflow-wrap: anywhere;\s*\}/);
});

/** Opens Jane's conversation in the console and waits for its messages. */
async function openJane(): Promise<void> {
  const entry = [...window.document.querySelectorAll('#list-open button')].find((b) => b.textContent?.startsWith('Jane'));
  entry!.dispatchEvent(new window.MouseEvent('click'));
  await window.happyDOM.waitUntilComplete();
}

/** The element `selector` finds, checked to be of the kind the test handles (happy-dom's own classes). */
function found<T>(selector: string, kind: abstract new (...args: never[]) => T): T {
  const element = window.document.querySelector(selector);
  if (!(element instanceof kind)) throw new Error(`${selector}: not found or not the expected element`);
  return element;
}

test("§4.11 an agent's file shows as a link to the file, an image by its name as alt text; Edit is offered on agent messages only", async () => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pngHeader(10, 10))], { type: 'image/png' }), 'form.png');
  form.append('description', 'the signed form');
  await fetch(`${h.url}/agent/api/rooms/${rid}/files`, { method: 'POST', body: form });
  await openJane();
  const image = window.document.querySelector('#message-list img[alt="form.png"]');
  expect(image?.closest('a')?.getAttribute('href')).toMatch(/^\/agent\/api\/files\/[23456789A-Za-z]{17}$/);
  expect(window.document.querySelector('#message-list .description')?.textContent).toBe('the signed form');
  const edits = [...window.document.querySelectorAll('#message-list button')]
    .map((b) => b.getAttribute('aria-label'))
    .filter((n) => n?.startsWith('Edit'));
  expect(edits).toEqual(['Edit message: form.png']);
});

test('§4.5 editing from the page: Edit, a new text, Save → the message shows the new text, marked edited', async () => {
  await fetch(`${h.url}/agent/api/rooms/${rid}/messages`, { method: 'POST', body: JSON.stringify({ msg: 'Helo' }) });
  await openJane();
  found('button[aria-label="Edit message: Helo"]', window.HTMLButtonElement).click();
  found('form.edit input', window.HTMLInputElement).value = 'Hello';
  found('form.edit', window.HTMLFormElement).requestSubmit();
  await window.happyDOM.waitUntilComplete();
  const lines = [...window.document.querySelectorAll('#message-list li .text')].map((t) => t.textContent);
  expect(lines).toContain('Hello (edited)');
  expect(h.store.roomMessages(rid).find((m) => m.msg === 'Hello')?.editedBy).toEqual({ _id: 'agent-2', username: 'agent2' });
});

test('§4.11 sending a file from the page: the file form posts it and the message appears', async () => {
  await openJane();
  // a page cannot set a file input's files; the test lends it one
  Object.defineProperty(found('#file', window.HTMLInputElement), 'files', {
    value: [new window.File(['hello'], 'notes.txt', { type: 'text/plain' })],
  });
  found('#file-description', window.HTMLInputElement).value = 'my notes';
  found('#file-form', window.HTMLFormElement).requestSubmit();
  await window.happyDOM.waitUntilComplete();
  const link = [...window.document.querySelectorAll('#message-list .attachment a')].find((a) => a.textContent === 'notes.txt');
  expect(link).toBeDefined();
  const [file] = h.store.files.values();
  expect([file.name, file.data.toString(), file.description]).toEqual(['notes.txt', 'hello', 'my notes']);
});
