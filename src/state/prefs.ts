// What the host page sets at run time over the config and data-* (widget spec §7, §8): theme, language, visibility.
import type { ConfigTheme } from '../api/contract.ts';
import { resettable } from './session.ts';

export type Theme = Partial<Pick<ConfigTheme, 'color' | 'offlineColor' | 'title' | 'offlineTitle' | 'position'>>;

export const theme = resettable<Theme>({});
export const lang = resettable('');
export const hidden = resettable(false);
