// The conversation (widget spec §4.5): a role="log" list that announces new messages politely, earlier history
// on scrolling up, and one status line for typing and the connection.
import { agentTyping, connection } from '../state/connection.ts';
import type { ChatMessage } from '../state/messages.ts';
import { messages } from '../state/messages.ts';
import { hasOlder, history, loadHistory, loadOlder } from '../state/room.ts';
import { retryMessage } from '../state/send.ts';
import { Component } from 'preact';
import type { Key } from '../i18n/index.ts';
import { Composer } from './Composer.tsx';
import { ending } from '../state/end.ts';
import { Text } from './Text.tsx';
import { t, table } from './t.ts';

/** Runs once per new message element: a message added at the end brings the list down to it; older pages
 * added at the top leave the view where it is (the browser's scroll anchoring keeps it steady). */
const stick = (el: HTMLElement | null) => {
  const log = el?.parentElement;
  if (log && el == log.lastElementChild) log.scrollTop = log.scrollHeight;
};

/** Reasons a visitor can act on, in their words; any other stays the server's code (§4.3). */
const REASONS: Record<string, Key> = {
  network: 'network',
  'room-closed': 'finished',
  'no-agent-online': 'unavailable',
  'message-length-exceeds-character-limit': 'tooLong',
};

const nearTop = (e: Event) => (e.currentTarget as HTMLElement).scrollTop < 40 && loadOlder();

/** Messages are immutable, so an item re-renders only for a new message object or another language: with 1,000
 * messages, an arriving one diffs one item, not all (widget spec §4.5). */
class Item extends Component<{ m: ChatMessage; lang: unknown }> {
  shouldComponentUpdate(p: Item['props']) {
    return p.m != this.props.m || p.lang != this.props.lang;
  }
  render({ m }: Item['props']) {
    return (
      <div ref={stick} class={m.system ? 'system-message' : m.mine ? 'visitor-message' : 'agent-message'}>
        {!m.mine && !m.system && <span class="author">{m.author}</span>}
        <span class="message-text">
          <Text s={m.msg} />
        </span>
        {m.state == 'sending' && <span class="message-status">{t('sending')}</span>}
        {m.state == 'failed' && (
          <span class="message-status error">
            {t('notSent')}: {REASONS[m.reason!] ? t(REASONS[m.reason!]!) : m.reason}{' '}
            <button class="link-button" onClick={() => retryMessage(m._id)}>
              {t('retry')}
            </button>
          </span>
        )}
      </div>
    );
  }
}

export function Conversation() {
  const list = messages.value;
  const hs = history.value;
  const c = connection.value;
  const typing = agentTyping.value;
  const e = ending.value;
  return (
    <>
      {hasOlder.value && (
        <button class="link-button older-button" onClick={loadOlder}>
          {t('older')}
        </button>
      )}
      <div class="message-list" role="log" aria-live="polite" aria-label={t('title')} onScroll={nearTop}>
        {list.map((m) => (
          <Item key={m._id} m={m} lang={table.value} />
        ))}
      </div>
      {hs == 'loading' && <p class="note">{t('loading')}</p>}
      {hs == 'error' && (
        <p class="note" role="alert">
          {t('error')}{' '}
          <button class="link-button" onClick={loadHistory}>
            {t('retry')}
          </button>
        </p>
      )}
      <p class="note status-line" role="status">
        {e == 'ask' ? t('endChat') + '?' : e && e != 'busy' ? `${t('error')} (${e})` : c ? t(c) : typing && t('typing', typing)}
      </p>
      <Composer />
    </>
  );
}
