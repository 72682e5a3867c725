// §4.3 §4.5 §6.5 `md`: every message sent or edited by a visitor or an agent carries the tree
// @rocket.chat/message-parser builds with the options of Rocket.Chat's save hook (MessageService.getMarkdownConfig);
// system messages (Message.saveSystemMessage) carry none. Expected trees come from the parser itself, called here with
// the options spelled out, so a change of options in the stand-in shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from '@rocket.chat/message-parser';
import { start, type TestServer } from './rest/client.ts';
import { DdpClient } from './support/ddp-client.ts';
import type { StreamEvent } from '../../server/store.ts';

/** Rocket.Chat's defaults: HexColorPreview_Enabled and Katex_Enabled on, the parenthesis syntax only, no custom domains. */
const DEFAULT_OPTIONS = { colors: true, emoticons: true, customDomains: [], katex: { dollarSyntax: false, parenthesisSyntax: true } };
const FORMATTED = '*bold* _italic_ ~strike~ `code` :smile: :) \\(x^2\\) $y$ https://example.com\ncolor:#ff0000AA';

let s: TestServer;
let rid: string;
let events: StreamEvent[];
beforeEach(async () => {
  s = await start();
  rid = (await s.chat('tok', { name: 'Jane' })).rid;
  events = [];
  s.store.bus.on('stream', (e) => events.push(e));
});
afterEach(() => s.close());

const send = (msg: string) => s.api('POST', 'livechat/message', { token: 'tok', rid, msg });
const streamed = () => events.filter((e) => e.stream === 'stream-room-messages').map((e) => e.args[0] as { _id: string; md?: unknown });

describe('§4.3 visitor messages', () => {
  it('§4.3 md is the parser tree with the default options: emoticons, colours, KaTeX in parentheses only', async () => {
    const { body } = await send(FORMATTED);
    const expected = parse(FORMATTED, DEFAULT_OPTIONS);
    expect(body.message.md).toEqual(expected);
    expect(JSON.stringify(expected)).toContain('"shortCode":"slight_smile"');
    expect(JSON.stringify(expected)).toContain('"type":"COLOR"');
    expect(JSON.stringify(expected)).toContain('"type":"INLINE_KATEX","value":"x^2"');
    expect(streamed()).toEqual([expect.objectContaining({ _id: body.message._id, md: expected })]);
  });

  it('§4.3 the options follow HexColorPreview_Enabled, Katex_* and Message_CustomDomain_AutoLink', async () => {
    Object.assign(s.store.settings, {
      HexColorPreview_Enabled: false,
      Katex_Dollar_Syntax: true,
      Katex_Parenthesis_Syntax: false,
      Message_CustomDomain_AutoLink: 'intranet.corp, wiki.corp',
    });
    const text = 'color:#ff0000AA $y$ \\(x\\) see intranet.corp/page';
    const options = {
      colors: false,
      emoticons: true,
      customDomains: ['intranet.corp', 'wiki.corp'],
      katex: { dollarSyntax: true, parenthesisSyntax: false },
    };
    expect((await send(text)).body.message.md).toEqual(parse(text, options));
    s.store.settings.Katex_Enabled = false;
    const withoutKatex = { colors: false, emoticons: true, customDomains: ['intranet.corp', 'wiki.corp'] };
    expect((await send(text)).body.message.md).toEqual(parse(text, withoutKatex));
  });

  it('§4.3 an empty msg gets no md at all (the hook parses only a non-empty text)', async () => {
    const { body } = await send('');
    expect(body.message).not.toHaveProperty('md');
  });

  it('§4.3 hostile text is stored as the parser reads it: unterminated code, javascript: links, a 10,000-character word', async () => {
    for (const text of ['```\nnever closed', '[x](javascript:alert(1))', 'a'.repeat(10_000), '> > > > > deep', '*_~*_~ nested']) {
      expect((await send(text)).body.message.md).toEqual(parse(text, DEFAULT_OPTIONS));
    }
  });

  it('§4.3 the DDP sendMessageLivechat stores md too', async () => {
    const ddp = await DdpClient.connected(s.url.replace(/^http/, 'ws') + '/websocket');
    ddp.send({ msg: 'method', id: 'm', method: 'sendMessageLivechat', params: [{ token: 'tok', _id: 'ddp-1', rid, msg: '*hi*' }] });
    const answer = await ddp.next((f) => f.msg === 'result' && f.id === 'm');
    expect(answer.result).toMatchObject({ _id: 'ddp-1', md: parse('*hi*', DEFAULT_OPTIONS) });
    ddp.close();
  });
});

describe('§4.4 §4.5 reading and editing', () => {
  it('§4.4 §4.5 history and GET message return md; system messages have none', async () => {
    const { body } = await send('_read me_');
    const history = await s.api('GET', `livechat/messages.history/${rid}?token=tok`);
    const [mine, started] = history.body.messages;
    expect(mine.md).toEqual(parse('_read me_', DEFAULT_OPTIONS));
    expect(started.t).toBe('livechat-started');
    expect(started).not.toHaveProperty('md');
    const one = await s.api('GET', `livechat/message/${body.message._id}?token=tok&rid=${rid}`);
    expect(one.body.message.md).toEqual(parse('_read me_', DEFAULT_OPTIONS));
  });

  it('§4.5 an edit is parsed again and re-emitted on stream-room-messages with editedAt', async () => {
    const { body } = await send('first');
    const edited = await s.api('PUT', `livechat/message/${body.message._id}`, { token: 'tok', rid, msg: '~second~' });
    expect(edited.body.message.md).toEqual(parse('~second~', DEFAULT_OPTIONS));
    expect(streamed().at(-1)).toMatchObject({ _id: body.message._id, md: parse('~second~', DEFAULT_OPTIONS), editedAt: expect.any(Date) });
  });
});
