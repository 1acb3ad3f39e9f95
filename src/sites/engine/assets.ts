import { readFileSync } from 'node:fs';
import type { Theme } from './site-definition.js';

/**
 * Static assets, read once at start-up: one script and one stylesheet shared by every site. The
 * content around the task (views/chrome/) brings its own script and rules, appended here so a
 * page still loads one of each.
 */
const here = new URL('./assets/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, here), 'utf8');
export const APP_JS = `${read('app.js')}\n${read('chrome.js')}`;
const BASE_CSS = `${read('base.css')}\n${read('chrome.css')}`;

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
