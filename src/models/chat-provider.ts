import { InvalidInputError } from '../core/errors.js';
import { logger, type Logger } from '../core/logger.js';
import type { ProviderConfig } from './config.js';
import { costUsd } from './cost.js';
import { HttpClient, type HttpDeps } from './http-client.js';
import { ChatRequest, type ChatResponse, type ModelProvider } from './provider.js';
import { makeRedactor, redactingLogger, type Redactor } from './redact.js';
import { cacheKey, ResponseCache } from './response-cache.js';
import type { WireFormat } from './wire-format.js';

export type ProviderDeps = HttpDeps & {
  /** Where the key is read from (process.env by default). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Backoff between retries; tests shrink it. */
  backoff?: { baseDelayMs: number; maxDelayMs: number };
};

/**
 * A ModelProvider over one wire format: validate the request, answer from the cache when it
 * can, otherwise send through the reliable HTTP client, read the reply, price it and store it.
 */
export class ChatProvider implements ModelProvider {
  readonly name: string;
  readonly model: string;
  private readonly http: HttpClient;
  private readonly cache: ResponseCache | undefined;
  private readonly apiKey: string | undefined;
  private readonly log: Logger;
  /** Exposed so callers that format their own errors (CLI, agents) can scrub them too. */
  readonly redact: Redactor;

  constructor(
    private readonly config: ProviderConfig,
    private readonly wire: WireFormat,
    deps: ProviderDeps = {},
  ) {
    this.name = config.provider;
    this.model = config.model;
    const env = deps.env ?? process.env;
    this.apiKey = env[config.apiKeyEnv] || undefined;
    this.redact = makeRedactor([this.apiKey]);
    this.log = redactingLogger(deps.logger ?? logger('models'), this.redact);
    this.cache = config.cacheDir === false ? undefined : new ResponseCache(config.cacheDir);
    this.http = new HttpClient(
      {
        timeoutMs: config.timeoutMs,
        maxRetries: config.maxRetries,
        concurrency: config.concurrency,
        requestsPerMinute: config.requestsPerMinute,
        ...(deps.backoff ? { backoff: deps.backoff } : {}),
        authHint: `check the key in the ${config.apiKeyEnv} environment variable (set apiKeyEnv to use another one)`,
      },
      this.redact,
      this.log,
      deps,
    );
  }

  /** Requests in flight right now. */
  get inFlight(): number {
    return this.http.inFlight;
  }

  async chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
    const parsed = ChatRequest.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInputError(`chat request: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    const req = parsed.data;
    const wireRequest = {
      model: this.config.model,
      messages: req.messages,
      tools: req.tools,
      temperature: req.temperature ?? this.config.temperature,
      maxTokens: req.maxTokens ?? this.config.maxTokens,
    };
    const key = cacheKey({ provider: this.config.provider, baseUrl: this.config.baseUrl, ...wireRequest });
    const hit = this.cache?.get(key);
    if (hit) {
      this.log.debug('cache hit', { key });
      return { ...hit, usage: { ...hit.usage, costUsd: 0, cached: true } };
    }

    const url = this.wire.endpoint(this.config.baseUrl);
    const json = await this.http.postJson(url, this.wire.headers(this.apiKey), this.wire.body(wireRequest), signal);
    const reply = this.wire.parse(json);
    const response: ChatResponse = {
      content: reply.content,
      ...(reply.reasoning === undefined ? {} : { reasoning: reply.reasoning }),
      toolCalls: reply.toolCalls,
      usage: {
        inputTokens: reply.inputTokens,
        outputTokens: reply.outputTokens,
        costUsd: costUsd(reply.inputTokens, reply.outputTokens, this.config.prices),
        cached: false,
      },
      model: reply.model ?? this.config.model,
      ...(reply.finishReason === undefined ? {} : { finishReason: reply.finishReason }),
    };
    if (this.cache) {
      try {
        this.cache.set(key, response);
      } catch (err) {
        // A full disk or read-only directory costs reproducibility, not the answer.
        this.log.warn('could not write the response cache', { dir: this.cache.dir, error: (err as Error).message });
      }
    }
    return response;
  }
}
