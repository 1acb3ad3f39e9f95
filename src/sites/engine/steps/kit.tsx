import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { SiteEpisodeState } from '../../../core/schemas/episode-state.js';
import type { World } from '../../../world/world.js';
import type { SiteEnv } from '../episode-access.js';
import type { EpisodeStore } from '../episode-store.js';
import { FormRefusedError, readForm, readFormAll } from '../form-body.js';
import type { SearchParams, SiteDefinition, SortSpec } from '../site-definition.js';
import { Page } from '../views/layout.js';

/** Requests are read in their episode (episode-access.ts); `episodeId` is null outside any. */
export type Env = SiteEnv;
export type C = Context<Env>;
export type Status = 200 | 400 | 403 | 404 | 409 | 410 | 413 | 422;

/**
 * What a step of a site's flow is given: the site, the world, the episode store, how pages are
 * rendered, and where the flow goes after each step. Steps know nothing of each other: the
 * flow's order decides what comes next.
 */
export type StepKit = {
  site: SiteDefinition;
  world: World;
  episodes: EpisodeStore;
  /** A page of the site, in the layout, with the step indicator at `stepId`. */
  render(c: C, stepId: string, title: string, body: unknown, status?: Status): Response | Promise<Response>;
  /** The entry path of the step that follows `stepId` in the flow (given the episode's state). */
  next(c: C, stepId: string): string;
  /** The entry path of a step of the flow, when the flow has it. */
  pathOf(stepId: string): string | undefined;
  /** The entry of an earlier step that must be done first (signing in before the details), if any. */
  blocked(c: C, stepId: string): string | undefined;
};

/**
 * One step of a booking flow, from the shared library in `flow/steps/`: it registers its own
 * routes, renders its pages from episode state, validates what is posted and records it.
 */
export type FlowStep = {
  /** Unique in a flow ("search", "results", "listing", "details", "review", "payment", ...). */
  id: string;
  /** The path a visitor enters the step at. */
  entry: string;
  /** Shown in the step indicator; a step without a label is not shown there. */
  label?: (site: SiteDefinition) => string;
  /** Whether the step applies to this episode (a return leg only for a return trip). */
  applies?: (state: SiteEpisodeState) => boolean;
  /** Whether the step is done, for a step the later ones cannot go without (signing in). */
  done?: (state: SiteEpisodeState) => boolean;
  register(app: Hono<Env>, kit: StepKit): void;
  /**
   * What the step asks of a booking, for the task generator and the scripted teacher (which
   * never read routes): a further round of choosing, an account wall, a card payment.
   */
  meta?: {
    round?: { slot: string; label: string; params(main: SearchParams, mainListingId?: string): SearchParams; when?(main: SearchParams): boolean; sorts?: SortSpec[] };
    account?: { guest: boolean };
    payment?: true;
    cart?: true;
    wizard?: true;
    /** The wizard's page names where the site renames them (`travellers`: "Vehicle and driver"). */
    wizardLabels?: Partial<Record<'travellers' | 'contact' | 'extras', string>>;
  };
};

/**
 * Form bodies as plain strings; repeated names keep the last value. A form over the limits or
 * unreadable throws FormRefusedError, which the site answers with a 4xx page (form-body.ts).
 */
export async function formBody(c: C): Promise<Record<string, string>> {
  const read = await readForm(c);
  if (!read.ok) throw new FormRefusedError(read.status, read.message);
  return read.fields;
}

/** Every value of a repeated field (seats, several ticket types), under the same limits. */
export async function formBodyAll(c: C): Promise<Record<string, string[]>> {
  const read = await readFormAll(c);
  if (!read.ok) throw new FormRefusedError(read.status, read.message);
  return read.fields;
}

/**
 * The episode of a request that changes state. Such requests outside an episode are refused
 * before any step sees them (episode-access.ts), so this only guards that promise.
 */
export function episodeOf(c: C): string {
  const id = c.get('episodeId');
  if (id === null) throw new Error('no episode: a request that changes state reached a step outside an episode');
  return id;
}

/** The kit of one site's flow. */
export function makeKit(site: SiteDefinition, world: World, episodes: EpisodeStore, flow: readonly FlowStep[]): StepKit {
  const steps = flow.filter((s) => s.label);
  return {
    site,
    world,
    episodes,
    render(c, stepId, title, body, status = 200) {
      // Before the episode is known (a bad episode id) every labelled step is shown.
      const state = c.get('state') as SiteEpisodeState | undefined;
      const shown = steps.filter((s) => !s.applies || !state || s.applies(state));
      const page = (
        <Page
          site={site}
          title={title}
          step={stepId}
          steps={shown.map((s) => ({ id: s.id, label: s.label!(site) }))}
          consented={getCookie(c, 'wf_consent') === '1'}
          promoSeen={getCookie(c, 'wf_promo') === '1'}
        >
          {body as never}
        </Page>
      );
      return c.html(`<!doctype html>${page.toString()}`, status);
    },
    next(c, stepId) {
      const state = c.get('state');
      const at = flow.findIndex((s) => s.id === stepId);
      const following = flow.slice(at + 1).find((s) => !s.applies || s.applies(state));
      return following?.entry ?? '/';
    },
    pathOf(stepId) {
      return flow.find((s) => s.id === stepId)?.entry;
    },
    blocked(c, stepId) {
      const state = c.get('state');
      const at = flow.findIndex((s) => s.id === stepId);
      return flow.slice(0, Math.max(0, at)).find((s) => s.done && (!s.applies || s.applies(state)) && !s.done(state))?.entry;
    },
  };
}
