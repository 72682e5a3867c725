// The one question before the visitor ends the chat (§4.6); the answer's error, if any, stays beside it.
import { cancelEnd, confirmEnd, ending } from '../state/end.ts';
import { t } from './t.ts';

const focus = (b: HTMLElement | null) => b?.focus();

export function EndConfirm() {
  const e = ending.value;
  if (!e) return null;
  return (
    <div class="cf" role="group" aria-labelledby="rc-end">
      <p id="rc-end">{t('endConfirm')}</p>
      {e != 'ask' && e != 'busy' && (
        <p class="er" role="alert">
          {t('error')} ({e})
        </p>
      )}
      <button type="button" class="pr" ref={focus} aria-busy={e == 'busy'} onClick={() => e != 'busy' && confirmEnd()}>
        {t('endChat')}
      </button>
      <button type="button" class="lk" onClick={cancelEnd}>
        {t('cancel')}
      </button>
    </div>
  );
}
