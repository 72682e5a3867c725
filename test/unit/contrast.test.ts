// The text colour on the theme colour (widget spec §8, WCAG 2.2 AA 1.4.3).
import { describe, expect, it } from 'vitest';
import { onColor } from '../../src/ui/contrast.ts';

describe('text on the theme colour (WCAG AA)', () => {
  it('is white on dark colours and black on light ones, ≥ 4.5:1 either way', () => {
    expect(onColor('#C1272D')).toBe('#fff');
    expect(onColor('#1d74f5')).toBe('#000'); // white would be 4.3:1
    expect(onColor('#ffd400')).toBe('#000');
    expect(onColor('#000')).toBe('#fff');
    expect(onColor('#FFF')).toBe('#000');
    expect(onColor('red')).toBeUndefined();
  });
});
