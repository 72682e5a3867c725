// The parse tree Rocket.Chat stores as `md` (§4.3, §6.5): its save hook runs `@rocket.chat/message-parser` on every
// message that goes through sendMessage or updateMessage — not on system messages, which Message.saveSystemMessage
// inserts without the hook (apps/meteor/server/services/messages/service.ts). The hook itself is
// server/services/messages/hooks/BeforeSaveMarkdownParser.ts (6.x/7.x; 5.x: server/hooks/messages/markdownParser.ts).
import { parse, type Options, type Root } from '@rocket.chat/message-parser';
import type { MessageAttachment } from '../src/api/contract.ts';

/** Setting values by id, as the store keeps them. */
type Settings = Record<string, unknown>;

/** The part of a message the hook reads and writes. */
interface Parsable {
  msg: string;
  md?: unknown[];
  attachments?: MessageAttachment[];
}

/** MessageService.getMarkdownConfig: colours per HexColorPreview_Enabled, emoticons always, the custom auto-link domains,
 * and KaTeX only while Katex_Enabled (its two syntaxes as set). */
export function parserOptions(settings: Settings): Options {
  const domains = String(settings.Message_CustomDomain_AutoLink ?? '');
  return {
    colors: Boolean(settings.HexColorPreview_Enabled),
    emoticons: true,
    customDomains: domains ? domains.split(',').map((domain) => domain.trim()) : [],
    ...(settings.Katex_Enabled
      ? { katex: { dollarSyntax: Boolean(settings.Katex_Dollar_Syntax), parenthesisSyntax: Boolean(settings.Katex_Parenthesis_Syntax) } }
      : {}),
  };
}

/** The parser throws on input its grammar rejects (an empty string, for one); the hook logs that and stores no tree. */
function tryParse(text: string, options: Options): Root | undefined {
  try {
    return parse(text, options);
  } catch {
    return undefined;
  }
}

/**
 * BeforeSaveMarkdownParser.parseMarkdown (6.x/7.x): `md` for a non-empty `msg`, and `descriptionMd` on the first
 * attachment when it has a `description` key. (Newest develop drops `descriptionMd` and skips messages longer than
 * MESSAGE_MAX_PARSE_LENGTH; no release read does either.)
 */
export function withMarkdown<T extends Parsable>(settings: Settings, message: T): T {
  const options = parserOptions(settings);
  const parsed: T = { ...message };
  const md = message.msg ? tryParse(message.msg, options) : undefined;
  if (md) parsed.md = md;
  const [first, ...rest] = message.attachments ?? [];
  if (first?.description !== undefined) {
    const descriptionMd = tryParse(first.description, options);
    if (descriptionMd) parsed.attachments = [{ ...first, descriptionMd }, ...rest];
  }
  return parsed;
}
