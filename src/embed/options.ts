// Reads the script tag's data-* attributes (widget spec §1); the official snippet's RocketChat.url is the fallback.
import type { Options, PhoneMode } from '../state/session.ts';

export function readOptions(data: DOMStringMap, snippetUrl?: string, nonce?: string): Options | undefined {
  const server = data.server || snippetUrl?.replace(/\/livechat\/?$/, '');
  if (!server) return;
  const { position } = data;
  return {
    server,
    department: data.department,
    lang: data.lang,
    // Anything else would override the config's position.
    position: position == 'left' || position == 'right' ? position : undefined,
    color: data.color,
    // The form shows the phone field unless 'off' and requires it only when 'required': others mean 'optional'.
    phone: data.phone as PhoneMode | undefined,
    open: data.open != null && data.open != 'false',
    nonce: nonce || undefined,
  };
}
