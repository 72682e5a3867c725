// Reads the script tag's data-* attributes (widget spec §1); the official snippet's RocketChat.url is the fallback.
import type { Options, PhoneMode } from '../state/options.ts';

const PHONE_MODES: PhoneMode[] = ['required', 'optional', 'off'];
const isPhoneMode = (v?: string): v is PhoneMode => PHONE_MODES.some((mode) => mode == v);

export function readOptions(data: DOMStringMap, snippetUrl?: string, nonce?: string): Options | undefined {
  const server = data.server || snippetUrl?.replace(/\/livechat\/?$/, '');
  if (!server) return;
  const { position, phone } = data;
  return {
    server,
    department: data.department,
    lang: data.lang,
    // Anything else would override the config's position.
    position: position == 'left' || position == 'right' ? position : undefined,
    color: data.color,
    // The form shows the phone field unless 'off' and requires it only when 'required': others mean 'optional'.
    phone: isPhoneMode(phone) ? phone : undefined,
    open: data.open != null && data.open != 'false',
    nonce: nonce || undefined,
  };
}
