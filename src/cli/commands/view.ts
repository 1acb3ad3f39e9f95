import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { startViewer, type Viewer } from '../../viewer/start-viewer.js';
import { parseIntOption } from '../output.js';

export const DEFAULT_VIEW_PORT = 8765;

/** Opens a URL in the desktop's browser; false when there is none to ask. */
function openInBrowser(url: string): boolean {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`could not open a browser (${cmd}); open ${url} yourself\n`));
    child.unref();
    return true;
  } catch {
    return false;
  }
}

export function registerView(program: Command): void {
  program
    .command('view')
    .description('browse a run in a local web app: overview, episodes, each step with its constraints, salvage, screenshots; compare two runs')
    .requiredOption('--run <dir>', 'run directory (from generate, or run/bench --out)')
    .option('--compare <dir>', 'a second run to compare with')
    .option('--port <n>', `port on 127.0.0.1 (0 = any free port; ${DEFAULT_VIEW_PORT} falls back to a free one when taken)`, parseIntOption('--port', 0, 65535), DEFAULT_VIEW_PORT)
    .option('--open', 'open the viewer in the default browser')
    .action(async (opts: { run: string; compare?: string; port: number; open?: boolean }) => {
      const runs = opts.compare ? [opts.run, opts.compare] : [opts.run];
      const viewer: Viewer = await startViewer({ runs, port: opts.port }).catch((err: unknown) => {
        if (opts.port !== DEFAULT_VIEW_PORT) throw err;
        return startViewer({ runs, port: 0 });
      });
      const names = viewer.registry.names();
      for (const name of names) {
        const problem = viewer.registry.problem(name);
        if (problem) process.stderr.write(`webfoundry: ${name}: ${problem} (its pages say so)\n`);
      }
      const first = `${viewer.url}/runs/${encodeURIComponent(names[0]!)}`;
      process.stdout.write(`Viewer: ${first}\n`);
      if (names.length === 2) process.stdout.write(`Compare: ${viewer.url}/compare/${names.map(encodeURIComponent).join('/')}\n`);
      process.stdout.write(`API: ${viewer.url}/api/v1 · read-only · Ctrl+C to stop\n`);
      if (opts.open) openInBrowser(first);
      const stop = () => void viewer.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
