// Harness smoke test: the built widget loads on a host page of another origin and shows its launcher (widget spec §2).
import { expect, test } from 'vitest';
import { useHarness } from './harness.ts';

const h = useHarness();

test('§2 the built widget renders a launcher in <rc-livechat> on a host page of another origin', async () => {
  const { page, widget } = await h.openHostPage();
  expect(new URL(page.url()).origin).not.toBe(new URL(h.server.url).origin);
  await expect.poll(() => widget.launcher.isVisible(), { timeout: 10_000 }).toBe(true);
  expect(h.pageErrors).toEqual([]);
});
