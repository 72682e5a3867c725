// "End chat" in the header and its confirmation (widget spec §4.5, §8): a small alertdialog over the panel with
// "Cancel" and "End chat". Focus moves into it (onto Cancel, the safe answer) and stays there; Escape cancels without
// closing the panel; focus then goes back to the header's button. A failed attempt is told in a sentence.
import { askEnd, cancelEnd, confirmEnd, ending } from '../state/end.ts';
import { errorSentence } from './errors.ts';
import { t } from './t.ts';

/** The header's "End chat" button, where focus returns when the visitor cancels. */
const END_BUTTON_ID = 'rc-end-chat';

/** A stable ref callback, so it runs only when the dialog mounts. */
const focusCancel = (dialog: HTMLElement | null) => dialog?.querySelector('button')?.focus();

function cancel(e: Event) {
  // the root first: once the dialog is gone, it is in no shadow root
  const root = (e.currentTarget as Element).getRootNode() as ShadowRoot;
  cancelEnd();
  root.getElementById(END_BUTTON_ID)?.focus();
}

function onKeyDown(e: KeyboardEvent) {
  if (e.key == 'Escape') {
    // the panel closes on Escape too: this Escape belongs to the dialog
    e.stopPropagation();
    cancel(e);
  } else if (e.key == 'Tab') keepFocusInside(e);
}

/** Tab from the last button goes to the first, Shift+Tab from the first to the last. */
function keepFocusInside(e: KeyboardEvent) {
  const dialog = e.currentTarget as HTMLElement;
  const buttons = [...dialog.querySelectorAll('button')];
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  const edge = e.shiftKey ? buttons[0] : buttons[buttons.length - 1];
  if (active == edge || !dialog.contains(active)) {
    e.preventDefault();
    (e.shiftKey ? buttons[buttons.length - 1] : buttons[0])?.focus();
  }
}

/** The backdrop covers the panel: a press on it must not take focus out of the dialog. */
function holdFocus(e: MouseEvent) {
  if (e.target == e.currentTarget) e.preventDefault();
}

function EndDialog() {
  const e = ending.value;
  return (
    <div class="dialog-backdrop" onMouseDown={holdFocus}>
      <div
        ref={focusCancel}
        class="end-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="rc-end-title"
        aria-describedby="rc-end-detail"
        onKeyDown={onKeyDown}
      >
        <h3 id="rc-end-title">{t('endChatQuestion')}</h3>
        <p id="rc-end-detail">{t('endChatDetail')}</p>
        {e.step == 'failed' && (
          <p class="error" role="alert">
            {t(errorSentence(e.error))}
          </p>
        )}
        <div class="dialog-buttons">
          <button class="secondary-button" onClick={cancel}>
            {t('cancel')}
          </button>
          <button class="primary-button" aria-busy={e.step == 'closing'} onClick={confirmEnd}>
            {t('endChat')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function EndChat() {
  const asking = ending.value.step != 'idle';
  return (
    <>
      <button id={END_BUTTON_ID} class="header-button" aria-haspopup="dialog" onClick={askEnd}>
        {t('endChat')}
      </button>
      {asking && <EndDialog />}
    </>
  );
}
