/** Key names agents write in lower case or by nickname, mapped to Playwright's names. */
const KEY_NAMES: Record<string, string> = {
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  esc: 'Escape',
  escape: 'Escape',
  backspace: 'Backspace',
  delete: 'Delete',
  del: 'Delete',
  space: 'Space',
  arrowup: 'ArrowUp',
  arrowdown: 'ArrowDown',
  arrowleft: 'ArrowLeft',
  arrowright: 'ArrowRight',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  home: 'Home',
  end: 'End',
  insert: 'Insert',
  ctrl: 'Control',
  control: 'Control',
  controlormeta: 'ControlOrMeta',
  cmd: 'Meta',
  meta: 'Meta',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
};

/**
 * Normalizes a key or combo ("ctrl+a", "Control+A", "enter") to Playwright's form
 * ("Control+a", "Enter"). Single characters and names Playwright knows pass through.
 */
export function normalizeKey(combo: string): string {
  // "+" alone, or a combo ending in "+" ("Shift++"), names the plus key itself.
  const parts = combo === '+' ? ['+'] : combo.endsWith('++') ? [...combo.slice(0, -2).split('+'), '+'] : combo.split('+');
  const keys = parts.map((p) => {
    const t = p.trim();
    if (t.length <= 1) return t || p;
    if (/^f\d{1,2}$/i.test(t)) return t.toUpperCase();
    return KEY_NAMES[t.toLowerCase()] ?? t;
  });
  // "Control+A" means the shortcut, not Control+Shift+a: letters under a modifier are lower case.
  const last = keys.length - 1;
  if (last > 0 && /^[A-Z]$/.test(keys[last]!) && !keys.includes('Shift') && keys.some((k) => k === 'Control' || k === 'Meta' || k === 'Alt' || k === 'ControlOrMeta')) {
    keys[last] = keys[last]!.toLowerCase();
  }
  return keys.join('+');
}
