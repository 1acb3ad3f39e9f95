import { readFileSync } from 'node:fs';

/** The viewer's static files, read once: its stylesheet and scripts, and Chart.js from its npm package. */
const here = new URL('./assets/', import.meta.url);
export const VIEWER_CSS = readFileSync(new URL('viewer.css', here), 'utf8');
export const VIEWER_JS = readFileSync(new URL('viewer.js', here), 'utf8');
export const CHARTS_JS = readFileSync(new URL('charts.js', here), 'utf8');

/** Chart.js's UMD build (MIT), beside the ESM entry the package exports. */
export const CHART_JS = readFileSync(new URL('chart.umd.min.js', import.meta.resolve('chart.js')), 'utf8');
export const CHART_JS_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('chart.js')), 'utf8')) as { version: string }).version;
