// Widget spec §2: the host theme cannot hide, restyle or move the widget (open shadow root, :host !important),
// and the widget's styles change nothing on the host. Each hostile page is compared with a plain one.
import { expect, test } from 'vitest';
import { layoutOf, themedPage } from './layout.ts';
import { useHarness } from './harness.ts';

const h = useHarness();

/** Rules real themes and "reset" stylesheets ship, each aimed at something the widget needs. */
const HOSTILE_CSS = `
* { font-size: 40px !important; color: red !important; line-height: 3 !important; letter-spacing: 4px !important }
*, *::before, *::after { box-sizing: content-box !important }
div:empty, button { display: none !important }
body > *:last-child { visibility: hidden !important }
svg, path { fill: red !important; stroke: none !important; width: 200px !important }
textarea, input, select { all: unset !important; border: 5px solid lime !important }`;

/** Host content that is not the widget; a script (the widget's, or an empty one) follows it, so
 * `body > *:last-child` lands on neither with or without the widget. */
const HOST_BODY = `<main><h1>Shop</h1><p>Some <a href="#x">text</a></p><button>Buy</button><input value="q"><div></div><ul><li>one</li></ul></main>`;

test('widget §2: a theme that restyles every element and hides empty divs, buttons and the last child changes nothing in the widget', async () => {
  const [plain, hostile] = [await layoutOf(h, { html: themedPage('', HOST_BODY) }), await layoutOf(h, { html: themedPage(HOSTILE_CSS, HOST_BODY) })];
  expect(hostile).toEqual(plain);
  // and the plain layout is the designed one: the 56 px launcher 20 px from the bottom right, hit where it shows
  expect(plain.closed[0]).toMatchObject({ box: [1204, 644, 56, 56], hit: true });
  expect(plain.form.every((p) => 'hit' in p && p.hit)).toBe(true);
});

test("widget §2: the widget's styles reach no host element (computed styles equal with and without it, open)", async () => {
  const hostStyles = async (withWidget: boolean) => {
    const { page, widget } = await h.openHostPage({ html: themedPage(HOSTILE_CSS, HOST_BODY, withWidget) });
    if (withWidget) await widget.open();
    return page.evaluate(() =>
      ['html', 'body', 'main', 'h1', 'p', 'a', 'button', 'input', 'main > div', 'li'].map((sel) => {
        const cs = getComputedStyle(document.querySelector(sel)!);
        return [sel, Object.fromEntries([...cs].map((p) => [p, cs.getPropertyValue(p)]))];
      }),
    );
  };
  const without = await hostStyles(false);
  expect(await hostStyles(true)).toEqual(without);
});
