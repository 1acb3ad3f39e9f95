import { z } from 'zod';
import 'zod-openapi';
import { ObservationMode } from '../core/schemas/observation.js';
import { Task } from '../core/schemas/task.js';

/**
 * The env server's wire format, version 1 (paths under /v1). These schemas validate every
 * request, type every response, and are the source of the OpenAPI file (openapi.ts), so the
 * document cannot drift from what the server does. Python reads the same shapes
 * (python/webfoundry_env/types.py).
 */
export const ENV_API_VERSION = 1;

export const TaskSchema = Task.meta({ id: 'Task', description: 'A task: instruction, typed constraints, target (src/core/schemas/task.ts, schemaVersion 2).' });

export const ErrorBody = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(['invalid_request', 'not_found', 'gone', 'busy', 'capacity', 'episode_over', 'internal']),
      message: z.string(),
      hint: z.string().optional(),
    }),
  })
  .meta({ id: 'Error', description: 'Every 4xx/5xx answer: a stable code, what was wrong, and what to do.' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const CreateEpisode = z
  .strictObject({
    taskId: z.string().min(1).optional().meta({ description: 'A task of a loaded suite, task file or run (GET /v1/tasks).' }),
    suite: z.string().min(1).optional().meta({ description: 'Where to look the task id up (default: every loaded source).' }),
    task: TaskSchema.optional().meta({ description: 'A whole task, e.g. a row of your own task file.' }),
    url: z.string().min(1).optional().meta({ description: 'An http(s) URL to browse without a task (no reward).' }),
    maxSteps: z.number().int().min(1).max(1000).default(30).meta({ description: 'Steps before the episode is truncated.' }),
    mode: ObservationMode.default('viewport').meta({ description: "'viewport': what is on screen; 'full': the whole page." }),
    screenshot: z.boolean().default(false).meta({ description: 'Add a PNG of the viewport (base64) to every observation.' }),
    maxObsTokens: z.number().int().min(1).optional().meta({ description: "Cut the observation in `turn` to about this many tokens (whole lines, as the exports' maxObsTokens)." }),
  })
  .refine((b) => [b.taskId, b.task, b.url].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of taskId, task or url' })
  .meta({ id: 'CreateEpisode' });
export type CreateEpisode = z.infer<typeof CreateEpisode>;

export const ResetEpisode = z
  .strictObject({
    taskId: z.string().min(1).optional(),
    suite: z.string().min(1).optional(),
    task: TaskSchema.optional(),
    url: z.string().min(1).optional(),
  })
  .refine((b) => [b.taskId, b.task, b.url].filter((x) => x !== undefined).length <= 1, { message: 'give at most one of taskId, task or url (none: the same start again)' })
  .meta({ id: 'ResetEpisode', description: 'Start the episode over, on the same target or a new one; maxSteps, mode and screenshot stay.' });
export type ResetEpisode = z.infer<typeof ResetEpisode>;

export const StepRequest = z
  .strictObject({
    action: z.string().optional().meta({ description: 'One action, e.g. click("12") or fill("7", "Lisbon").', example: 'click("12")' }),
    reply: z.string().optional().meta({ description: "A model's whole reply; the action is found in it as the exports' prompt asks (a line \"Action: ...\" or a code block)." }),
  })
  .refine((b) => (b.action === undefined) !== (b.reply === undefined), { message: 'give exactly one of action or reply' })
  .meta({ id: 'StepRequest' });
export type StepRequest = z.infer<typeof StepRequest>;

export const ApiObservation = z
  .strictObject({
    url: z.string(),
    title: z.string(),
    text: z.string().meta({ description: 'The accessibility tree as text, one element a line, a bid in [brackets] for each element one can act on.' }),
    tokens: z.number().int().meta({ description: 'Token estimate of text (characters / 3.2).' }),
    focusedBid: z.string().nullable(),
    tabs: z.array(z.strictObject({ index: z.number().int(), url: z.string(), title: z.string() })),
    activeTab: z.number().int(),
    lastActionError: z.string().nullable().meta({ description: 'Why the last action failed (unparseable, unknown bid, ...); null when it worked.' }),
    dialog: z.strictObject({ type: z.string(), message: z.string() }).optional(),
    screenshot: z.string().optional().meta({ description: 'PNG of the viewport, base64, when the episode asked for screenshots.' }),
  })
  .meta({ id: 'Observation' });
export type ApiObservation = z.infer<typeof ApiObservation>;

export const Reward = z
  .strictObject({
    csr: z.number().meta({ description: 'Constraint satisfaction rate of the state now: satisfied / total.' }),
    success: z.boolean().meta({ description: 'Every constraint satisfied (and, for a new booking, one was submitted).' }),
    satisfied: z.number().int(),
    total: z.number().int(),
    verdicts: z.array(z.strictObject({ id: z.string(), kind: z.string(), satisfied: z.boolean(), phrase: z.string().optional() })),
  })
  .meta({ id: 'Reward', description: "The task's constraints checked against the episode's state by the exact evaluator." });
export type Reward = z.infer<typeof Reward>;

export const EpisodeInfo = z
  .strictObject({
    step: z.number().int().meta({ description: 'Steps taken so far.' }),
    maxSteps: z.number().int(),
    action: z.string().nullable().meta({ description: 'The action as executed (canonical form); null when it did not parse.' }),
    actionError: z.string().nullable(),
    message: z.string().nullable().meta({ description: "stop's answer, report_infeasible's reason or a message to the user." }),
    task: z.strictObject({ id: z.string(), site: z.string(), instruction: z.string() }).nullable(),
    error: z.string().optional().meta({ description: 'Set when the browser crashed: the episode is over, reset it.' }),
    timings: z.strictObject({ stepMs: z.number(), envMs: z.number() }).optional(),
  })
  .meta({ id: 'EpisodeInfo' });
export type EpisodeInfo = z.infer<typeof EpisodeInfo>;

export const StepResponse = z
  .strictObject({
    episodeId: z.string(),
    observation: ApiObservation,
    reward: Reward.nullable().meta({ description: 'null for an episode on a URL (no task).' }),
    done: z.boolean().meta({ description: 'The agent ended the episode (stop or report_infeasible): Gymnasium\'s "terminated".' }),
    truncated: z.boolean().meta({ description: 'The step budget ran out, or the browser crashed.' }),
    turn: z.string().meta({
      description:
        "The user turn as WebFoundry's exports write it: after create/reset the opening turn (OBJECTIVE, TODAY, URL, OBSERVATION), after a step the next one (LAST ACTION ERROR when it failed, URL, OBSERVATION). With GET /v1/prompt's system prompt, a model sees what it was trained on.",
    }),
    info: EpisodeInfo,
  })
  .meta({ id: 'StepResponse', description: 'What create, reset and step answer.' });
export type StepResponse = z.infer<typeof StepResponse>;

export const EpisodeSummary = z
  .strictObject({
    episodeId: z.string(),
    task: z.strictObject({ id: z.string(), site: z.string(), instruction: z.string() }).nullable(),
    url: z.string(),
    step: z.number().int(),
    maxSteps: z.number().int(),
    done: z.boolean(),
    truncated: z.boolean(),
    reward: Reward.nullable(),
    idleSeconds: z.number(),
  })
  .meta({ id: 'EpisodeSummary' });
export type EpisodeSummary = z.infer<typeof EpisodeSummary>;

export const Health = z
  .strictObject({
    apiVersion: z.literal(ENV_API_VERSION),
    webfoundry: z.string(),
    world: z.strictObject({ seed: z.number().int(), version: z.number().int(), hash: z.string() }),
    episodes: z.strictObject({ open: z.number().int(), capacity: z.number().int() }),
    idleTimeoutSeconds: z.number(),
  })
  .meta({ id: 'Health' });

export const SuiteList = z
  .strictObject({ suites: z.array(z.strictObject({ name: z.string(), tasks: z.number().int(), sites: z.record(z.string(), z.number().int()) })) })
  .meta({ id: 'SuiteList', description: 'The task sources loaded: named suites, task files and runs (--tasks).' });

export const TaskQuery = z.strictObject({
  suite: z.string().optional().meta({ description: 'Only this source.' }),
  site: z.string().optional(),
  split: z.enum(['train', 'dev', 'test']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type TaskQuery = z.infer<typeof TaskQuery>;

export const TaskList = z.strictObject({ total: z.number().int(), tasks: z.array(TaskSchema) }).meta({ id: 'TaskList' });

export const Prompt = z
  .strictObject({ system: z.string().meta({ description: "The system prompt of WebFoundry's exports (text actions): role, action space, reply format." }), actionSpace: z.string() })
  .meta({ id: 'Prompt' });

export const EpisodeIdParam = z.strictObject({ episodeId: z.string().meta({ description: 'As create answered.' }) });

export const EpisodeList = z.strictObject({ episodes: z.array(EpisodeSummary) }).meta({ id: 'EpisodeList' });

export const Closed = z
  .strictObject({ episodeId: z.string(), closed: z.boolean().meta({ description: 'false when it was already closed or reclaimed.' }) })
  .meta({ id: 'Closed' });

export const PromptQuery = z.strictObject({
  style: z.enum(['text', 'tools']).default('text').meta({ description: "'text': the action written after \"Action:\" (step with reply); 'tools': the action is a function call (the TRL environment's tools)." }),
});
