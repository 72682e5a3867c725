// The mount options: the script tag's data-* (embed/options.ts) or mount()'s argument (widget spec §1).
import { signal } from '@preact/signals';

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

/** Replaced by every mount (beginSession); setDepartment and clearDepartment replace the department (widget spec §7). */
export const options = signal<Options>({ server: '' });
