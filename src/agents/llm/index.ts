/** The LLM web agent: a ReAct policy over any ModelProvider. */
export { LlmAgent, GIVE_UP_AFTER } from './llm-agent.js';
export { LlmAgentOptions, type LlmAgentOptionsInput } from './options.js';
export { buildMessages, systemPrompt, userPrompt } from './prompt.js';
export { cutAxtree, observationText } from './observation-text.js';
export { historyText } from './history.js';
export { readReply, thoughtOf, toolSpecs } from './reply.js';
