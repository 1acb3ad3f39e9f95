import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUMMARIZE } from '../../src/pipeline/explore/llm-summaries.js';
import { REASON } from '../../src/pipeline/explore/llm-posthoc.js';
import { RELABEL, REWARD } from '../../src/pipeline/explore/nnetnav-prompts.js';
import { completion } from '../models/scripted-server.js';

/**
 * A local OpenAI-compatible server playing every model of `explore --url` against the foreign
 * library (test/helpers/foreign-library.ts): explorer, summarizer, labeler, reward model and
 * reasoner, told apart by their system prompts. The explorer follows a fixed plan, one action a
 * step, finding each element's bid on the page it is shown; its step counter starts over when it
 * is shown no previous step, so explorations must run one at a time. The labeler names its
 * instruction by the last step the summaries reach (INSTRUCTIONS), the reward model scores each
 * instruction as the test says, and the reasoner writes "Reasoning for step N" and marks scrolls
 * not needed. Replies can be garbled on purpose.
 */

type Chat = { messages: { role: string; content: string }[] };

/** The explorer's plan: [role, accessible name, action kind, text]. Step 5 is a scroll that changes nothing. */
export const PLAN: [string, string, 'fill' | 'click' | 'scroll', string?][] = [
  ['textbox', 'Title or author', 'fill', 'tolkien'],
  ['button', 'Search', 'click'],
  ['link', 'The Hobbit', 'click'],
  ['link', 'Reserve this book', 'click'],
  ['', '', 'scroll'],
  ['textbox', 'Full name', 'fill', 'Alex Morgan'],
  ['textbox', 'Email', 'fill', 'alex.morgan@example.com'],
  ['button', 'Reserve', 'click'],
  ['link', 'Back to catalogue', 'click'],
  ['textbox', 'Title or author', 'fill', 'austen'],
  ['button', 'Search', 'click'],
  ['link', 'Pride and Prejudice', 'click'],
  ['link', 'Back to catalogue', 'click'],
  ['link', 'Opening hours', 'click'],
  ['link', 'Back to catalogue', 'click'],
  ['link', 'Opening hours', 'click'],
];

/** The labeler's instruction for a prefix, by the last step its summaries reach. */
export const INSTRUCTIONS = {
  4: 'Search the Riverside Library catalogue for tolkien and open the reservation form of The Hobbit; stop there.',
  8: 'Reserve The Hobbit at the Riverside Library for Alex Morgan (alex.morgan@example.com).',
  12: 'Reserve The Hobbit for Alex Morgan, then look up Pride and Prejudice by Jane Austen.',
  16: 'Look up the opening hours of the Riverside Library twice after reserving The Hobbit.',
} as const;

export type ExploreModelScript = {
  /** The reward model's score of each instruction (default 5). */
  score?: (instruction: string) => number;
  /** Reasoner replies for the prefix of this many steps are garbled: once (then valid) or always. */
  garbleReasoning?: { steps: number; times: 1 | 'always' };
  /** The labeler's replies for the prefix reaching this step are garbled, always. */
  garbleLabelAt?: number;
  /** An exploration's first request waits for this when it is the `holdEpisode`-th (1-based). */
  hold?: { episode: number; until: Promise<void> };
};

export type ExploreModelServer = { baseUrl: string; requests: Chat[]; firstSteps: number; script: ExploreModelScript; close(): Promise<void> };

const system = (b: Chat) => b.messages.find((m) => m.role === 'system')?.content ?? '';
const user = (b: Chat) => b.messages.find((m) => m.role === 'user')?.content ?? '';
const isRetry = (b: Chat) => b.messages.some((m) => m.role === 'user' && m.content.includes('could not be used'));

function bidOf(pageText: string, role: string, name: string): string | undefined {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\[([^\\]]+)\\] ${role} "${esc}"`).exec(pageText)?.[1];
}

function instructionFor(changes: string): string {
  const last = Math.max(0, ...[...changes.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])));
  const key = last <= 4 ? 4 : last <= 8 ? 8 : last <= 12 ? 12 : 16;
  return INSTRUCTIONS[key];
}

export async function startExploreModel(script: ExploreModelScript = {}): Promise<ExploreModelServer> {
  const requests: Chat[] = [];
  let step = 0;
  const state = { firstSteps: 0 };
  const answer = async (b: Chat): Promise<string> => {
    const sys = system(b);
    const u = user(b);
    if (sys.startsWith('You are a web agent')) {
      if (/# Previous steps\nnone yet/.test(u)) {
        step = 0;
        state.firstSteps++;
        if (script.hold && state.firstSteps === script.hold.episode) await script.hold.until;
      }
      const [role, name, kind, text] = PLAN[Math.min(step, PLAN.length - 1)]!;
      step++;
      const pageText = u.slice(u.indexOf('# Current page'));
      if (kind === 'scroll') return 'Thought: Let me see the rest of this page.\nAction: scroll(0, 300)';
      const bid = bidOf(pageText, role, name);
      if (!bid) return `Thought: I cannot find ${role} "${name}" here, I stop.\nAction: stop("lost")`;
      return kind === 'fill' ? `Thought: I type "${text}".\nAction: fill("${bid}", "${text}")` : `Thought: I open "${name}".\nAction: click("${bid}")`;
    }
    if (sys === SUMMARIZE) {
      const action = /^Action: (.*)$/m.exec(u)?.[1] ?? '?';
      const after = /^After: (.*)$/m.exec(u)?.[1] ?? '?';
      return JSON.stringify({ summary: `Did ${action}; now on ${after}.`, changed: true });
    }
    if (sys === RELABEL.web) {
      const changes = u.slice(u.indexOf('State changes:'));
      const last = Math.max(0, ...[...changes.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])));
      if (script.garbleLabelAt !== undefined && last >= script.garbleLabelAt) return 'Sure! The instruction is probably about books.';
      return JSON.stringify({ instruction: instructionFor(changes) });
    }
    if (sys === REWARD) {
      const instruction = /^Instruction: (.*)$/m.exec(u)?.[1] ?? '';
      return JSON.stringify({ score: script.score?.(instruction) ?? 5, reason: 'scripted' });
    }
    if (sys === REASON) {
      const steps = [...u.matchAll(/^Step (\d+): on .*\n {2}action: (.*)$/gm)].map((m) => ({ n: Number(m[1]), action: m[2]! }));
      const g = script.garbleReasoning;
      if (g && g.steps === steps.length && (g.times === 'always' || !isRetry(b))) return '{"steps": "I would rather not"}';
      return JSON.stringify({
        steps: steps.map((s) => ({ step: s.n, thought: `Reasoning for step ${s.n}: ${s.action} advances the instruction.`, needed: !s.action.startsWith('scroll') })),
        final: 'The instruction is done.',
      });
    }
    return '{}';
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      void (async () => {
        const body = JSON.parse(raw) as Chat;
        requests.push(body);
        const content = await answer(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(completion({ content })));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    get firstSteps() {
      return state.firstSteps;
    },
    script,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const systemOf = system;
export const userOf = user;
export const isCorrection = isRetry;
