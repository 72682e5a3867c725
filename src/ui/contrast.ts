// Text on the theme colour (WCAG 2.2 AA, 1.4.3): black or white, whichever contrasts more with it. Black wins
// exactly when the colour's relative luminance is above ≈0.179. Colours other than hex keep white.
// sRGB's linear segment below 0.04045 is left out: it moves the luminance by < 0.001, and that close to 0.179
// both choices exceed 4.5:1.
export function onColor(c: string): string | undefined {
  if (!/^#([\da-f]{3}){1,2}$/i.test(c)) return;
  const n = c.length < 5 ? 1 : 2;
  const l = [0.2126, 0.7152, 0.0722].reduce((sum, w, i) => {
    const v = parseInt(c.substr(1 + i * n, n).repeat(3 - n), 16) / 255;
    return sum + w * ((v + 0.055) / 1.055) ** 2.4;
  }, 0);
  return l > 0.179 ? '#000' : '#fff';
}
