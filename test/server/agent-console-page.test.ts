// The agent console page itself (widget.md §10), run in happy-dom against the live stand-in: what an agent reads.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { startHarness, type Harness } from './support/harness.ts';
import { consolePage } from '../../server/agent/page.ts';

let h: Harness;
let window: Window;

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

async function post(path: string, body: unknown): Promise<Record<string, any>> {
  const res = await fetch(`${h.url}/api/v1/livechat/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as Record<string, any>;
}

beforeEach(async () => {
  h = await startHarness();
  h.store.agents.set('agent-2', { _id: 'agent-2', username: 'agent2', name: 'Agent Two', status: 'online', departments: ['dep-support'] });
  h.store.agents.get('agent-1')!.departments = ['dep-sales'];
  await post('visitor', { visitor: { token: 'tok', name: 'Jane', department: 'dep-sales',
    customFields: [{ key: 'orderNumber', value: '12345', overwrite: true }, { key: 'plan', value: 'Pro', overwrite: true }] } });
  const { room } = (await (await fetch(`${h.url}/api/v1/livechat/room?token=tok`)).json()) as { room: { _id: string } };
  await post('message', { token: 'tok', rid: room._id, msg: `A${'a'.repeat(300)}h` });
  await post('page.visited', { token: 'tok', rid: room._id, pageInfo: { change: 'url', title: 'Pricing', location: { href: 'https://site.example/pricing' } } });
  await post('room.transfer', { token: 'tok', rid: room._id, department: 'dep-support' });
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
  expect(details).toEqual(expect.arrayContaining([['Order number', '12345'], ['Plan', 'Pro']]));
  expect(details.map(([label]) => label)).not.toEqual(expect.arrayContaining(['orderNumber']));
  const lines = [...document.querySelectorAll('#message-list li .text')].map((t) => t.textContent);
  expect(lines).toEqual(['Conversation started', `A${'a'.repeat(300)}h`, 'Visited Pricing - https://site.example/pricing', 'Moved to the Support department']);
  const log = document.querySelector('#message-list')!.textContent!;
  for (const raw of ['livechat-started', 'livechat_navigation_history', 'livechat_transfer_history']) expect(log).not.toContain(raw);
});

test('a long unbroken word wraps inside the conversation instead of squeezing the sidebar (console.css)', () => {
  const css = window.document.querySelector('style')!.textContent!;
  expect(css).toMatch(/nav \{ flex: 0 0 18rem;/); // the sidebar neither grows nor shrinks
  expect(css).toMatch(/main, #empty \{[^}]*min-width: 0;/); // the conversation may shrink below its longest word
  expect(css).toMatch(/nav button, dd, #messages \.text \{ overflow-wrap: anywhere; \}/);
});
