import { readFileSync } from 'node:fs';
import type { Theme } from './site-definition.js';

/** Static assets, read once at start-up: one script and one stylesheet shared by every site. */
const here = new URL('./assets/', import.meta.url);
export const APP_JS = readFileSync(new URL('app.js', here), 'utf8');
const BASE_CSS = readFileSync(new URL('base.css', here), 'utf8');

/** The site's stylesheet: its theme as CSS variables, then the shared rules. */
export function siteCss(theme: Theme): string {
  const vars = [
    `--primary:${theme.primary}`,
    `--primary-text:${theme.primaryText}`,
    `--accent:${theme.accent}`,
    `--bg:${theme.background}`,
    `--surface:${theme.surface}`,
    `--text:${theme.text}`,
    `--muted:${theme.muted}`,
    `--font:${theme.font}`,
    `--radius:${theme.radius}`,
    `--heading-case:${theme.headingCase ?? 'none'}`,
  ];
  return `:root{${vars.join(';')}}\n${BASE_CSS}`;
}
