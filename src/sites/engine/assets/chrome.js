// The help chat (engine/views/chrome/help-chat.tsx): the header's button opens a non-modal
// dialog of canned answers; its own button (a method="dialog" form) or Escape closes it.
// Without this script the button leads to the help centre's chat section instead.
(function () {
  'use strict';
  var chat = document.getElementById('wfc-chat');
  var opener = document.querySelector('form[data-chat-open]');
  if (!chat || !opener || typeof chat.show !== 'function') return;
  var button = opener.querySelector('button');
  opener.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!chat.open) chat.show();
    button.setAttribute('aria-expanded', 'true');
  });
  chat.addEventListener('keydown', function (e) { if (e.key === 'Escape') chat.close(); });
  chat.addEventListener('close', function () {
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  });
})();
