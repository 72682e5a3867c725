// The conversation (widget spec §4.5): a role="log" list that announces new messages politely.
import type { ChatMessage } from '../state/messages.ts';
import { messages } from '../state/messages.ts';
import { history, loadHistory } from '../state/room.ts';
import { retryMessage } from '../state/send.ts';
import { Composer } from './Composer.tsx';
import { Text } from './Text.tsx';
import { t } from './t.ts';

/** A stable ref callback runs once per new message: keep the newest one in view. */
const stick = (el: HTMLElement | null) => {
  const log = el?.parentElement;
  if (log) log.scrollTop = log.scrollHeight;
};

function Item({ m }: { m: ChatMessage }) {
  return (
    <div ref={stick} class={m.system ? 'sy' : m.mine ? 'me' : 'ag'}>
      {!m.mine && !m.system && <span class="au">{m.author}</span>}
      <span class="tx">
        <Text s={m.msg} />
      </span>
      {m.state == 'sending' && <span class="ms">{t('sending')}</span>}
      {m.state == 'failed' && (
        <span class="ms er">
          {t('notSent')}: {m.reason == 'network' ? t('network') : m.reason}{' '}
          <button type="button" class="lk" onClick={() => retryMessage(m._id)}>
            {t('retry')}
          </button>
        </span>
      )}
    </div>
  );
}

export function Conversation() {
  const list = messages.value;
  const h = history.value;
  return (
    <>
      <div class="log" role="log" aria-live="polite" aria-label={t('title')}>
        {list.map((m) => (
          <Item key={m._id} m={m} />
        ))}
      </div>
      {h == 'loading' && <p class="in">{t('loading')}</p>}
      {h == 'error' && (
        <p class="in" role="alert">
          {t('error')}{' '}
          <button type="button" class="lk" onClick={loadHistory}>
            {t('retry')}
          </button>
        </p>
      )}
      {!list.length && h != 'loading' && h != 'error' && <p class="in">{t('empty')}</p>}
      <Composer />
    </>
  );
}
