import { EnvironmentError } from '../core/errors.js';
import { anthropicWire } from './anthropic.js';
import { ChatProvider, type ProviderDeps } from './chat-provider.js';
import type { ProviderConfig } from './config.js';
import { openAIWire } from './openai-compatible.js';

/** Hosts that always need a key: failing here beats a 401 after the first request. */
const HOSTED = new Set(['api.openai.com', 'api.anthropic.com']);

export function createProvider(config: ProviderConfig, deps: ProviderDeps = {}): ChatProvider {
  const env = deps.env ?? process.env;
  if (!env[config.apiKeyEnv] && HOSTED.has(new URL(config.baseUrl).hostname)) {
    throw new EnvironmentError(`${config.apiKeyEnv} is not set; ${config.baseUrl} needs an API key`, {
      hint: `export ${config.apiKeyEnv}=..., or set apiKeyEnv to the variable that holds your key`,
    });
  }
  const wire = config.provider === 'anthropic' ? anthropicWire : openAIWire;
  return new ChatProvider(config, wire, deps);
}
