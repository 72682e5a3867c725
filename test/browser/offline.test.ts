// Issue 4, the offline form against the built widget (widget spec §4.3; server contract §4.1, §4.8): all agents
// offline and Livechat_display_offline_form on → leave a message; a server error keeps what was typed.
import { expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { seedWith, useHarness, type Widget } from './harness.ts';

const h = useHarness();

const offlineSeed = () =>
  seedWith({
    agents: [{ _id: 'agent-1', username: 'agent1', name: 'Agent One', status: 'offline', departments: ['dep-sales', 'dep-support'] }],
    settings: { Livechat_display_offline_form: true },
  });

/** the form's Message box (getByLabel would also match the dialog, "Leave a message") */
const message = (widget: Widget) => widget.host.getByRole('textbox', { name: en.message, exact: true });

const VALUES = { name: 'Grace Hopper', email: 'grace@example.com', message: 'Please call me back tomorrow.' };

test('widget §4.3, contract §4.8: agents offline → offline form (name, email, department where showOnOfflineForm, message) → "Send message" → success; stored on the stand-in', async () => {
  const { widget } = await h.openHostPage({ seed: offlineSeed() });
  await widget.open();
  const department = widget.field(en.department);
  await department.waitFor();
  const options = await department.locator('option').allTextContents();
  expect(options).toContain('Sales');
  expect(options).not.toContain('Support'); // showOnOfflineForm: false
  expect(await widget.host.getByRole('button', { name: en.startChat }).count()).toBe(0);

  await widget.fillForm({ [en.name]: VALUES.name, [en.email]: VALUES.email, [en.department]: 'Sales' });
  await message(widget).fill(VALUES.message);
  await widget.host.getByRole('button', { name: en.send }).click();
  await widget.host.getByText(en.offlineSent).waitFor({ timeout: 10_000 });
  expect(h.server.store.offlineMessages).toEqual([expect.objectContaining({ ...VALUES, department: 'dep-sales' })]);
  expect(h.store.visitors()).toEqual([]);
  expect(h.store.rooms()).toEqual([]);
});

test('widget §4.3, contract §4.8: a 400 from POST livechat/offline.message keeps the typed input; sending again succeeds', async () => {
  const { widget } = await h.openHostPage({ seed: offlineSeed() });
  await widget.open();
  await message(widget).waitFor();
  h.server.store.settings.Livechat_offline_email = ''; // the real server's 400 "Error sending Omnichannel offline message"
  await widget.fillForm({ [en.name]: VALUES.name, [en.email]: VALUES.email });
  await message(widget).fill(VALUES.message);
  const send = widget.host.getByRole('button', { name: en.send });
  await send.click();
  await widget.host.getByRole('alert').waitFor({ timeout: 10_000 });
  expect(await widget.field(en.name).inputValue()).toBe(VALUES.name);
  expect(await widget.field(en.email).inputValue()).toBe(VALUES.email);
  expect(await message(widget).inputValue()).toBe(VALUES.message);
  expect(await widget.host.getByText(en.offlineSent).count()).toBe(0);
  expect(h.server.store.offlineMessages).toEqual([]);

  h.server.store.settings.Livechat_offline_email = 'support@example.com';
  await send.click();
  await widget.host.getByText(en.offlineSent).waitFor({ timeout: 10_000 });
  expect(h.server.store.offlineMessages).toEqual([expect.objectContaining(VALUES)]);
});
