// Widget spec §2: a host body that is a containing block for fixed descendants (any transform) and clips them
// (overflow: hidden) must not trap the widget: its launcher and panel stay where they are on a plain page.
import { expect, test } from 'vitest';
import { layoutOf, themedPage } from './layout.ts';
import { useHarness } from './harness.ts';

const h = useHarness();

const TRANSFORMED_BODY = `body { position: relative; overflow: hidden; transform: translateX(0); margin: 0; height: 200px }`;

test('widget §2: a transformed, clipping body does not move or clip the fixed launcher and panel', async () => {
  const body = '<main><h1>Shop</h1><p>Short page</p></main>';
  const plain = await layoutOf(h, { html: themedPage('', body) });
  expect(await layoutOf(h, { html: themedPage(TRANSFORMED_BODY, body) })).toEqual(plain);
});
