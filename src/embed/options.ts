// Reads the script tag's data-* attributes (widget spec §1); the official snippet's RocketChat.url is the fallback.
import type { Options, PhoneMode } from '../state/session.ts';

const oneOf = <T extends string>(v: string | undefined, allowed: readonly T[]) => allowed.find((a) => a == v);

export function readOptions(data: DOMStringMap, snippetUrl?: string, nonce?: string): Options | undefined {
  const server = data.server || snippetUrl?.replace(/\/livechat\/?$/, '');
  if (!server) return;
  return {
    server,
    department: data.department,
    lang: data.lang,
    position: oneOf(data.position, ['left', 'right'] as const),
    color: data.color,
    phone: oneOf<PhoneMode>(data.phone, ['required', 'optional', 'off']) ?? 'optional',
    open: data.open != null && data.open != 'false',
    nonce: nonce || undefined,
  };
}
