import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InvalidInputError } from '../core/errors.js';
import { parseDecimal } from '../core/numbers.js';

/**
 * How to reach one model. The config holds the *name* of the environment variable with the
 * key, never the key, so a config can be logged, stored with a run and shown to people.
 */
export const ProviderKind = z.enum(['openai', 'anthropic']);
export type ProviderKind = z.infer<typeof ProviderKind>;

export const Prices = z.strictObject({
  /** US dollars per million input tokens. */
  inputPerMTok: z.number().min(0),
  /** US dollars per million output tokens. */
  outputPerMTok: z.number().min(0),
});
export type Prices = z.infer<typeof Prices>;

export const ProviderConfig = z.strictObject({
  provider: ProviderKind,
  model: z.string().min(1),
  baseUrl: z.url(),
  apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name'),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).optional(),
  timeoutMs: z.number().int().min(1),
  concurrency: z.number().int().min(1),
  requestsPerMinute: z.number().positive().optional(),
  maxRetries: z.number().int().min(0),
  prices: Prices.optional(),
  /** Directory of the response cache, or false for none. */
  cacheDir: z.union([z.string().min(1), z.literal(false)]),
});
export type ProviderConfig = z.infer<typeof ProviderConfig>;

export const PROVIDER_DEFAULTS: Record<ProviderKind, { baseUrl: string; apiKeyEnv: string }> = {
  openai: { baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY' },
  anthropic: { baseUrl: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY' },
};

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_CACHE_DIR = join('.cache', 'webfoundry', 'llm');

/**
 * One layer of settings (file, environment or flags), every field optional. Numbers may come
 * as strings (CLI flags, env vars); `cacheDir: "false"` or `"off"` disables the cache.
 */
const numeric = (inner: z.ZodNumber) =>
  // Plain decimal text only: "" or "0x10" stays a string, which the number schema refuses.
  z.preprocess((v) => (typeof v === 'string' && parseDecimal(v.trim()) !== undefined ? Number(v) : v), inner).optional();

export const ProviderConfigLayer = z.strictObject({
  provider: ProviderKind.optional(),
  model: z.string().min(1).optional(),
  baseUrl: z.url().optional(),
  apiKeyEnv: ProviderConfig.shape.apiKeyEnv.optional(),
  temperature: numeric(z.number().min(0).max(2)),
  maxTokens: numeric(z.number().int().min(1)),
  timeoutMs: numeric(z.number().int().min(1)),
  concurrency: numeric(z.number().int().min(1)),
  requestsPerMinute: numeric(z.number().positive()),
  maxRetries: numeric(z.number().int().min(0)),
  prices: Prices.optional(),
  cacheDir: z
    .preprocess((v) => (v === 'false' || v === 'off' ? false : v), z.union([z.string().min(1), z.literal(false)]))
    .optional(),
});
export type ProviderConfigLayer = z.input<typeof ProviderConfigLayer>;

export type ResolveOptions = {
  /** Command-line flags; they win over everything. Undefined values are ignored. */
  flags?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** Path of a JSON config file; the lowest layer. */
  file?: string;
  /** Base for the default cache directory (the current directory by default). */
  cwd?: string;
};

/** file < environment (WEBFOUNDRY_MODEL, WEBFOUNDRY_BASE_URL, WEBFOUNDRY_PROVIDER) < flags. */
export function resolveProviderConfig(opts: ResolveOptions = {}): ProviderConfig {
  const env = opts.env ?? process.env;
  const fileLayer = opts.file === undefined ? {} : parseLayer(readConfigFile(opts.file), `config file ${opts.file}`);
  const envLayer = parseLayer(
    { provider: env.WEBFOUNDRY_PROVIDER, model: env.WEBFOUNDRY_MODEL, baseUrl: env.WEBFOUNDRY_BASE_URL },
    'environment',
    { provider: 'WEBFOUNDRY_PROVIDER', model: 'WEBFOUNDRY_MODEL', baseUrl: 'WEBFOUNDRY_BASE_URL' },
  );
  // Flags often arrive as a command's whole option bag: keep only the fields we know.
  const known = new Set(Object.keys(ProviderConfigLayer.shape));
  const flagLayer = parseLayer(
    Object.fromEntries(Object.entries(opts.flags ?? {}).filter(([k]) => known.has(k))),
    'flags',
  );
  const merged = { ...fileLayer, ...envLayer, ...flagLayer };

  const provider = merged.provider ?? 'openai';
  if (merged.model === undefined) {
    throw new InvalidInputError('model: no model given', {
      hint: 'pass --model, set WEBFOUNDRY_MODEL, or put "model" in the config file',
    });
  }
  const full = {
    provider,
    model: merged.model,
    baseUrl: merged.baseUrl ?? PROVIDER_DEFAULTS[provider].baseUrl,
    apiKeyEnv: merged.apiKeyEnv ?? PROVIDER_DEFAULTS[provider].apiKeyEnv,
    temperature: merged.temperature,
    maxTokens: merged.maxTokens,
    timeoutMs: merged.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    concurrency: merged.concurrency ?? DEFAULT_CONCURRENCY,
    requestsPerMinute: merged.requestsPerMinute,
    maxRetries: merged.maxRetries ?? DEFAULT_MAX_RETRIES,
    prices: merged.prices,
    cacheDir: merged.cacheDir ?? join(opts.cwd ?? process.cwd(), DEFAULT_CACHE_DIR),
  };
  // Drop undefined optionals so the strict schema and JSON dumps stay clean.
  const clean = Object.fromEntries(Object.entries(full).filter(([, v]) => v !== undefined));
  return parseOrThrow(ProviderConfig, clean, 'provider config');
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InvalidInputError(`config file ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new InvalidInputError(`config file ${path}: not valid JSON (${(err as Error).message})`);
  }
}

function parseLayer(raw: unknown, where: string, names: Record<string, string> = {}): z.output<typeof ProviderConfigLayer> {
  const defined =
    raw && typeof raw === 'object' && !Array.isArray(raw)
      ? Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''))
      : raw;
  return parseOrThrow(ProviderConfigLayer, defined, where, names);
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string, names: Record<string, string> = {}): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(root)';
  const shown = names[field] ? `${field} (${names[field]})` : field;
  const known = Object.keys(ProviderConfig.shape).join(', ');
  throw new InvalidInputError(`${where}: ${shown}: ${issue.message}`, {
    hint: issue.code === 'unrecognized_keys' ? `known fields: ${known}` : undefined,
  });
}
export { createProvider } from './create-provider.js';
