import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Redis (Debian's redis-server) for a test file, on a free loopback port, without
 * persistence; `make test` installs the package when it is missing (scripts/ensure-redis.sh).
 */
export type TestRedis = { url: string; port: number; stop(): Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** True once Redis answers PING with PONG on the port. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection({ port, host: '127.0.0.1' });
    let text = '';
    c.on('connect', () => c.write('PING\r\n'));
    c.on('data', (d) => {
      text += d.toString();
      if (text.includes('\r\n')) {
        c.destroy();
        resolve(text.startsWith('+PONG'));
      }
    });
    c.on('error', () => resolve(false));
  });
}

export async function startRedis(): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error('redis-server is not installed: run `make test` (it installs Debian\'s redis-server), or apt-get install -y redis-server');
  }
  const dir = mkdtempSync(join(tmpdir(), 'wf-redis-'));
  for (let tries = 0; ; tries++) {
    const port = await freePort();
    const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let dead = false;
    void exited.then(() => (dead = true));
    // Wait on the condition (Redis answers), not on time; a port taken meanwhile makes it exit.
    while (!dead && !(await pong(port))) await new Promise((r) => setTimeout(r, 50));
    if (dead) {
      if (tries < 3) continue;
      throw new Error(`redis-server did not start: ${log}`);
    }
    return {
      url: `redis://127.0.0.1:${port}/0`,
      port,
      async stop() {
        child.kill('SIGTERM');
        await exited;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
