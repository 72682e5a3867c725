// The mount options (data-* attributes or mount()), as a signal: components read `options.value` (BRIEF decision 2).
import { signal } from './signals.ts';

export type PhoneMode = 'required' | 'optional' | 'off';

export interface Options {
  /** Rocket.Chat origin, e.g. https://chat.example.com */
  server: string;
  /** department id or name to preselect and to ask config about */
  department?: string;
  lang?: string;
  position?: 'left' | 'right';
  color?: string;
  phone?: PhoneMode;
  /** start opened */
  open?: boolean;
  /** for `<style>` when constructable stylesheets are missing */
  nonce?: string;
}

export const options = signal<Options>({ server: '' });
