import type { z } from 'zod';
import { createDocument } from 'zod-openapi';
import { WEBFOUNDRY_VERSION } from '../core/version.js';
import { Closed, CreateEpisode, ENV_API_VERSION, EpisodeIdParam, EpisodeList, EpisodeSummary, ErrorBody, Health, Prompt, PromptQuery, ResetEpisode, StepRequest, StepResponse, SuiteList, TaskList, TaskQuery } from './schemas.js';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  '400': json(ErrorBody, 'invalid_request: the body or a parameter does not fit its schema'),
  '404': json(ErrorBody, 'not_found: no such episode or task'),
} as const;
const episodeErrors = {
  ...errors,
  '409': json(ErrorBody, 'busy: a call on this episode is running; episode_over: step after done or truncated'),
  '410': json(ErrorBody, 'gone: the episode was closed or reclaimed after its idle timeout'),
} as const;
const path = { path: EpisodeIdParam };

/** The env server's API as OpenAPI 3.1, made from the same zod schemas that check every request. */
export function openApiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'WebFoundry env server',
      version: `${ENV_API_VERSION}.0.0`,
      description: `Reset, step and score BookingArena episodes over HTTP (webfoundry ${WEBFOUNDRY_VERSION}). A Python client (standard library only) is in python/webfoundry_env.`,
    },
    paths: {
      '/v1/health': { get: { summary: 'Versions, world and open episodes', responses: { '200': json(Health, 'the server') } } },
      '/v1/prompt': { get: { summary: "The system prompt and action space of WebFoundry's exports", requestParams: { query: PromptQuery }, responses: { '200': json(Prompt, 'the prompt') } } },
      '/v1/suites': { get: { summary: 'The task sources loaded', responses: { '200': json(SuiteList, 'sources') } } },
      '/v1/tasks': { get: { summary: 'Tasks, filtered and paged', requestParams: { query: TaskQuery }, responses: { '200': json(TaskList, 'tasks'), ...errors } } },
      '/v1/episodes': {
        get: { summary: 'Open episodes', responses: { '200': json(EpisodeList, 'episodes') } },
        post: {
          summary: 'Create an episode on a task (by id or whole) or a URL, and reset it',
          requestBody: { content: { 'application/json': { schema: CreateEpisode } } },
          responses: { '201': json(StepResponse, 'the first observation'), ...errors, '503': json(ErrorBody, 'capacity: every slot is in use; retry later') },
        },
      },
      '/v1/episodes/{episodeId}': {
        get: { summary: 'Where an episode is', requestParams: path, responses: { '200': json(EpisodeSummary, 'the episode'), ...episodeErrors } },
        delete: { summary: 'Close an episode and free its slot', requestParams: path, responses: { '200': json(Closed, 'closed'), ...episodeErrors } },
      },
      '/v1/episodes/{episodeId}/reset': {
        post: { summary: 'Start over, on the same target or a new one', requestParams: path, requestBody: { content: { 'application/json': { schema: ResetEpisode } } }, responses: { '200': json(StepResponse, 'the first observation'), ...episodeErrors } },
      },
      '/v1/episodes/{episodeId}/step': {
        post: { summary: 'Take one action', requestParams: path, requestBody: { content: { 'application/json': { schema: StepRequest } } }, responses: { '200': json(StepResponse, 'observation, reward, done, truncated, info'), ...episodeErrors } },
      },
    },
  });
}
