import type { FaqEntry } from '../../chrome/texts.js';

/**
 * The help chat's button. Without the page's script it is a plain link-like form to the help
 * centre's chat section; with it (assets/chrome.js) it opens the dialog below.
 */
export function HelpChatButton() {
  return (
    <form class="wfc-chat-open" method="get" action="/help#chat" data-chat-open>
      <button type="submit" aria-haspopup="dialog" aria-controls="wfc-chat" aria-expanded="false">
        Chat with us
      </button>
    </form>
  );
}

/**
 * A non-modal dialog of canned answers under the header's button: it covers nothing until asked,
 * leaves the page usable beside it, and closes with its button (first, so never scrolled out of
 * reach) or Escape.
 */
export function HelpChat({ siteName, greeting, answers }: { siteName: string; greeting: string; answers: FaqEntry[] }) {
  return (
    <dialog id="wfc-chat" class="wfc-chat" aria-labelledby="wfc-chat-h">
      <div class="wfc-chat-head">
        <h2 id="wfc-chat-h">{`Chat with ${siteName} support`}</h2>
        <form method="dialog">
          <button type="submit">Close chat</button>
        </form>
      </div>
      <ol class="wfc-chat-log" aria-label="Messages">
        <li>{greeting}</li>
        {answers.map((a) => (
          <li>
            <strong>{a.question}</strong> {a.answer}
          </li>
        ))}
      </ol>
      <p>
        <a href="/help">Open the help centre</a>
      </p>
    </dialog>
  );
}
