/**
 * How the renderer treats Chromium's accessibility roles. Kept apart from the renderer so the
 * token budget can be tuned by editing lists, not logic.
 */

/** Never shown, children dropped too: rendering internals whose text their parent already has. */
export const DROPPED_ROLES = new Set(['InlineTextBox', 'ListMarker']);

/**
 * Containers with no meaning of their own for an agent: not shown, children lifted one level up.
 * Layout wrappers (generic/none/presentation), inline formatting, and label/legend elements
 * (their text is the accessible name of the control or group they belong to).
 */
export const PRUNED_ROLES = new Set([
  'generic',
  'none',
  'presentation',
  'RootWebArea',
  'MenuListPopup',
  'WebArea',
  'LabelText',
  'Legend',
  'paragraph',
  'strong',
  'emphasis',
  'mark',
  'subscript',
  'superscript',
  'time',
  'abbr',
  'code',
  'Abbr',
  'Section',
  'DescriptionListDetail',
  'DescriptionListTerm',
  'DescriptionList',
  'term',
  'definition',
  'Figcaption',
  'Ruby',
  'insertion',
  'deletion',
]);

/** Roles whose accessible name is computed from their content: their own text children repeat it. */
export const NAME_FROM_CONTENT = new Set([
  'button',
  'link',
  'heading',
  'option',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'checkbox',
  'radio',
  'switch',
  'treeitem',
  'cell',
  'gridcell',
  'columnheader',
  'rowheader',
  'tooltip',
  'label',
]);

/**
 * Roles that are interactive by nature: their line needs no `clickable` flag, and an unnamed one
 * gets a fallback name (title, alt, text, icon class) flagged `name-from=...`.
 */
export const CONTROL_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'option',
  'checkbox',
  'radio',
  'switch',
  'slider',
  'spinbutton',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'treeitem',
  'DisclosureTriangle',
  'ColorWell',
  'Date',
  'DateTime',
  'InputTime',
]);

/** Roles whose AX value is shown (what is typed or chosen). */
export const VALUE_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'slider', 'progressbar', 'meter', 'scrollbar', 'Date', 'DateTime', 'InputTime', 'ColorWell']);

/** Roles that are checkable: an unchecked one says so, because "not checked" is information. */
export const CHECKABLE_ROLES = new Set(['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio']);

/** Containers whose line adds nothing without a name (an unnamed group or region is a wrapper; a canvas the page names is shown). */
export const NEED_NAME_ROLES = new Set(['group', 'region', 'section', 'article', 'figure', 'listitem', 'Canvas']);

/** Containers whose name, when their first child has the very same name, is shown on the child only. */
export const NAMED_BY_CHILD = new Set(['article', 'heading', 'listitem', 'region', 'group', 'dialog', 'alertdialog', 'section', 'figure', 'cell', 'gridcell', 'row', 'tabpanel']);
