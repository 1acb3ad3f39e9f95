/** The action parser: text from agents and models in, `Action` out, and back. */
export { parseAction } from './parse-action.js';
export { formatAction } from './format-action.js';
export { extractAction } from './extract-action.js';
export { ACTION_SIGNATURES, ACTION_SUBSETS, ALL_SUBSETS, actionTypesOf, describeActionSpace, type ActionSignature, type ActionSubset } from './signatures.js';
export { WEBARENA_SCROLL_PX } from './webarena.js';
export type { ParseResult } from './result.js';
export { actionTools, toolCallOf, actionFromToolCall, type FunctionTool, type ToolParameters } from './action-tools.js';
