/**
 * The action space as function-calling tools lives with the action parser (src/browser/actions/)
 * so agents can use it too; the exporters keep importing it from here.
 */
export { actionFromToolCall, actionTools, toolCallOf, type FunctionTool, type ToolParameters } from '../../browser/actions/action-tools.js';
