export * from './provider.js';
export { ProviderConfig, ProviderConfigLayer, Prices, ProviderKind, resolveProviderConfig, PROVIDER_DEFAULTS } from './config.js';
export { createProvider } from './create-provider.js';
export { ChatProvider, type ProviderDeps } from './chat-provider.js';
export { ModelApiError } from './errors.js';
export { costUsd, addUsage } from './cost.js';
export { redact, makeRedactor, REDACTED } from './redact.js';
