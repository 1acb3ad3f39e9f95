import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local model server that answers from a per-test script: each request takes the next reply.
 * It records every request (headers and parsed body) and how many were in flight at once.
 */
export type RecordedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: unknown };

export type ScriptedReply = {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Never answer (until the server closes): for timeouts. */
  hang?: boolean;
  /** Answer only once this resolves: for concurrency tests. */
  waitFor?: Promise<unknown>;
};

export type ScriptedServer = {
  url: string;
  requests: RecordedRequest[];
  maxInFlight: number;
  /** Resolves once `n` requests have arrived. */
  arrived(n: number): Promise<void>;
  close(): Promise<void>;
};

export async function startScriptedServer(script: ScriptedReply[]): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let inFlight = 0;
  const state = { maxInFlight: 0 };
  let next = 0;

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      void (async () => {
        inFlight++;
        state.maxInFlight = Math.max(state.maxInFlight, inFlight);
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // keep the raw text
        }
        requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        for (const w of waiters.filter((w) => requests.length >= w.n)) w.resolve();
        const reply = script[next++] ?? { status: 599, body: { error: { message: 'script exhausted' } } };
        if (reply.hang) return; // the client's timeout ends it
        if (reply.waitFor) await reply.waitFor;
        inFlight--;
        const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(text);
      })();
    });
    // A hung request whose client gave up no longer counts as in flight.
    res.on('close', () => {
      if (!res.writableEnded) inFlight--;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    arrived: (n) =>
      requests.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bind one, then let it go. */
export async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** An OpenAI chat completion body. */
export function completion(message: Record<string, unknown>, usage = { prompt_tokens: 10, completion_tokens: 5 }) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: 'stop' }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

/** An Anthropic message body. */
export function anthropicMessage(content: unknown[], usage = { input_tokens: 12, output_tokens: 7 }, stop = 'end_turn') {
  return { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-test', content, stop_reason: stop, usage };
}
