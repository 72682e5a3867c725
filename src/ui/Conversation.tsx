// The conversation (widget spec §4.5): a role="log" list that announces new messages politely, earlier history
// on scrolling up, and one status line for typing and the connection.
import { agentTyping, connection } from '../state/connection.ts';
import type { ChatMessage } from '../state/messages.ts';
import { messages } from '../state/messages.ts';
import { hasOlder, history, loadHistory, loadOlder } from '../state/history.ts';
import { retryMessage } from '../state/send.ts';
import { translate, type Key } from '../i18n/index.ts';
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

const MESSAGE_CLASS: Record<ChatMessage['from'], string> = { agent: 'ag', visitor: 'me', system: 'sy' };

/** One message. It reads the locale table, a signal: @preact/signals then re-renders it only for another language
 * or a new message object (messages are immutable), so with 1,000 messages an arriving one renders one item, not
 * all (widget spec §4.5). */
function Item({ message }: { message: ChatMessage }) {
  const words = table.value;
  const { delivery } = message;
  return (
    <div ref={stick} class={MESSAGE_CLASS[message.from]}>
      {message.from == 'agent' && <span class="au">{message.author}</span>}
      <span class="tx">
        <Text s={message.msg} />
      </span>
      {delivery?.state == 'sending' && <span class="ms">{translate(words, 'sending')}</span>}
      {delivery?.state == 'failed' && (
        <span class="ms er">
          {translate(words, 'notSent')}: {Object.hasOwn(REASONS, delivery.reason) ? translate(words, REASONS[delivery.reason]!) : delivery.reason}{' '}
          <button class="lk" onClick={() => retryMessage(message._id)}>
            {translate(words, 'retry')}
          </button>
        </span>
      )}
    </div>
  );
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
        <button class="lk ol" onClick={loadOlder}>
          {t('older')}
        </button>
      )}
      <div class="log" role="log" aria-live="polite" aria-label={t('title')} onScroll={nearTop}>
        {list.map((m) => (
          <Item key={m._id} message={m} />
        ))}
      </div>
      {hs == 'loading' && <p class="in">{t('loading')}</p>}
      {hs == 'error' && (
        <p class="in" role="alert">
          {t('error')}{' '}
          <button class="lk" onClick={loadHistory}>
            {t('retry')}
          </button>
        </p>
      )}
      <p class="in st" role="status">
        {e == 'ask' ? t('endChat') + '?' : e && e != 'busy' ? `${t('error')} (${e})` : c.state != 'idle' ? t(c.state) : typing && t('typing', typing)}
      </p>
      <Composer />
    </>
  );
}
