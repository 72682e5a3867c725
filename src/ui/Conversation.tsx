// The conversation (widget spec §4.5): a role="log" list that announces new messages politely, earlier history
// on scrolling up, a greeting while it is empty, and below it what the screen puts there: the status line for the
// connection and typing and the composer, or once the chat ended the finished notice.
import type { ComponentChildren } from 'preact';
import { agentTyping, connection } from '../state/connection.ts';
import type { ChatMessage } from '../state/messages.ts';
import { messages } from '../state/messages.ts';
import { hasOlder, history, loadHistory, loadOlder } from '../state/history.ts';
import { closed } from '../state/room.ts';
import { pauseSeconds, retryMessage } from '../state/send.ts';
import { errorSentence } from './errors.ts';
import { Text } from './Text.tsx';
import { t, tNodes } from './t.ts';
import { formatTime } from './time.ts';

/** Runs once per new message element: a message added at the end brings the list down to it; older pages
 * added at the top leave the view where it is (the browser's scroll anchoring keeps it steady). */
const stick = (el: HTMLElement | null) => {
  const log = el?.parentElement;
  if (log && el == log.lastElementChild) log.scrollTop = log.scrollHeight;
};

const nearTop = (e: Event) => (e.currentTarget as HTMLElement).scrollTop < 40 && loadOlder();

const MESSAGE_CLASS: Record<ChatMessage['from'], string> = { agent: 'agent-message', visitor: 'visitor-message', system: 'system-message' };

/** One message. Its time is formatted for the visitor's locale, a signal: @preact/signals then re-renders the item
 * only for another language or a new message object (messages are immutable), so with 1,000 messages an arriving
 * one renders one item, not all (widget spec §4.5). */
function Item({ message }: { message: ChatMessage }) {
  const { delivery } = message;
  return (
    <div ref={stick} class={MESSAGE_CLASS[message.from]}>
      {message.from == 'agent' && <span class="author">{message.author}</span>}
      <span class="message-text">
        <Text s={message.msg} />
      </span>
      <time class="message-time" dateTime={new Date(message.ts).toISOString()}>
        {formatTime(message.ts)}
      </time>
      {delivery?.state == 'sending' && <SendingStatus />}
      {delivery?.state == 'failed' && (
        <span class="message-status error">
          {t('notSent', { reason: t(errorSentence(delivery.reason)) })}{' '}
          <button class="link-button" onClick={() => retryMessage(message._id)}>
            {t('tryAgain')}
          </button>
        </span>
      )}
    </div>
  );
}

/** "Sending…", or why it waits: a rate limit paused the queue (widget spec §6), counting down. The countdown is not
 * read out every second: the log is a live region, this line is not. */
function SendingStatus() {
  const n = pauseSeconds.value;
  return (
    <span class="message-status" aria-live="off">
      {n ? t('sendingPaused', { n }) : t('sending')}
    </span>
  );
}

/** What the visitor is told about the socket (widget spec §5); 'idle' says nothing. */
const CONNECTION_WORDS = { connecting: 'connecting', offline: 'reconnecting', back: 'connectedAgain' } as const;

/** The status line: the socket's state first, else who is typing (their name isolated, §9). */
export function StatusLine() {
  const c = connection.value.state;
  const typing = agentTyping.value;
  return (
    <p class="note status-line" role="status">
      {c != 'idle' ? t(CONNECTION_WORDS[c]) : typing && tNodes('agentTyping', { name: <bdi>{typing}</bdi> })}
    </p>
  );
}

export function Conversation({ children }: { children: ComponentChildren }) {
  const list = messages.value;
  const hs = history.value;
  return (
    <>
      {hasOlder.value && (
        <button class="link-button older-button" onClick={loadOlder}>
          {t('olderMessages')}
        </button>
      )}
      {!list.length && hs != 'loading' && !closed.value && <p class="note greeting">{t('conversationGreeting')}</p>}
      <div class="message-list" role="log" aria-live="polite" aria-label={t('defaultTitle')} onScroll={nearTop}>
        {list.map((m) => (
          <Item key={m._id} message={m} />
        ))}
      </div>
      {hs == 'loading' && <p class="note">{t('loading')}</p>}
      {hs == 'error' && (
        <p class="note" role="alert">
          {t('somethingWentWrong')}{' '}
          <button class="link-button" onClick={loadHistory}>
            {t('tryAgain')}
          </button>
        </p>
      )}
      {children}
    </>
  );
}
