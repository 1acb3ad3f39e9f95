import { describe, expect, it } from 'vitest';
import type { QaRef } from '../../src/core/schemas/answer.js';
import { DatasetRow } from '../../src/core/schemas/dataset.js';
import { emptySiteState } from '../../src/core/schemas/episode-state.js';
import { schemaTask, type QaTask } from '../../src/core/schemas/task.js';
import type { Trajectory, TrajectoryStep } from '../../src/core/schemas/trajectory.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { articlePath } from '../../src/knowledge/index.js';
import { EXPORTERS } from '../../src/pipeline/exports/index.js';
import { salvage } from '../../src/pipeline/salvage.js';
import { loadArenaWorld } from '../../src/sites/registry.js';
import { generateQaTasks } from '../../src/tasks/qa/generate-qa.js';
import { graphOf } from '../../src/tasks/qa/graph-of.js';
import { verifyQaTask } from '../../src/tasks/qa/verify-question.js';

/**
 * Salvage of a failed question: the episode opened the pages that prove an inner hop (the entity
 * a described reference of the question means), then answered wrong. The row is that hop asked
 * by name, checked on the world again, cut where its last proof page was shown, with a final
 * answer step; a trajectory that never showed a hop's pages gives no row.
 */
const { world } = loadArenaWorld(1);
const g = graphOf(world);
const opts = { minCsr: 0.5, minKept: 2, requireBooking: false };

type Described = Extract<QaRef, { kind: 'described' }>;
const inner = (r: QaRef): Described | undefined => (r.kind === 'described' ? r.d.clues.map((c) => (c.kind === 'link' && c.target.kind === 'described' ? c.target : undefined)).find(Boolean) : undefined);
const namedIn = (r: QaRef): string[] => (r.kind === 'named' ? [r.id] : r.d.clues.flatMap((c) => (c.kind === 'link' ? namedIn(c.target) : [])));

/** A level-2 kg question whose subject links to a described entity that identifies it alone. */
const question = generateQaTasks({ graph: g, method: 'e2h', count: 12, seed: 77, worldVersion: 2, split: 'train', rounds: 2 })
  .tasks.map((t) => t as QaTask)
  .find((t) => inner(t.qa.query.subject) !== undefined)!;
const hop = inner(question.qa.query.subject)!;

const page = (id: string) => ({ url: `http://guide.localhost:8080${articlePath(id)}`, observation: `[1] heading "${g.get(id).name}"\n[2] text "facts of ${g.get(id).name}"` });
const search = (q: string) => ({ url: `http://search.localhost:8080/search?q=${q}`, observation: `[3] searchbox "Search"\n[4] link "${q}"` });

/** An episode showing `pages` in turn, then replying `reply`. */
function episode(pages: { url: string; observation: string }[], reply: string): Trajectory {
  const replied = { ...emptySiteState('search'), requests: pages.length, replies: [{ role: 'assistant' as const, text: reply, step: pages.length - 1 }] };
  const e = evaluate(question, replied);
  const steps: TrajectoryStep[] = pages.map((p, index) => {
    const last = index === pages.length - 1;
    return {
      type: 'step',
      index,
      url: p.url,
      observation: p.observation,
      observationTokens: 5,
      thought: `thought ${index}`,
      action: last ? `stop(${JSON.stringify(reply)})` : `click("${index + 10}")`,
      parsed: last ? { type: 'stop', answer: reply } : { type: 'click', bid: String(index + 10) },
      error: null,
      timings: { actionMs: 1, settleMs: 1, observeMs: 1, totalMs: 3 },
      state: last ? replied : { ...emptySiteState('search'), requests: index + 1 },
      csr: last ? e.csr : 0,
    };
  });
  return {
    header: { type: 'header', schemaVersion: 1, episodeId: 'ep-q1', agent: { name: 'scripted', noise: 1 }, task: question, startedAt: '2026-06-01T00:00:00Z' },
    steps,
    end: { type: 'end', status: 'stopped', answer: reply, error: null, steps: steps.length, durationMs: 10, evaluation: { csr: e.csr, sr: e.sr, booked: false, curve: steps.map((s) => s.csr), bestCsr: e.csr, firstBestIndex: 0, verdicts: e.verdicts }, attempts: 1 },
  };
}

describe('salvage of a failed question', () => {
  it('has a multi-hop question with an inner hop to work on', () => {
    expect(question.qa.hops).toBeGreaterThanOrEqual(2);
    expect(hop.d.of).toMatch(/:/);
  });

  // The researcher's order: the named clues' pages first, then the hop's, then a wrong reply.
  const clues = namedIn(hop).map(page);
  const pages = [search('start'), ...clues, page(hop.d.of), search('more'), search('wrong')];
  const t = episode(pages, 'Nothing I know');
  const row = salvage(t, 'run-q', opts, { world });

  it('keeps it as the hop asked by name, its answer the one entity the world gives', () => {
    expect(t.end.evaluation.sr).toBe(false);
    const r = DatasetRow.parse(row);
    expect(r.kind).toBe('salvaged');
    const sub = r.task as QaTask;
    expect(sub.kind).toBe('qa');
    expect(sub.instruction).toMatch(/^What is the name of /);
    expect(sub.constraints[0]!.answer).toMatchObject({ type: 'string', value: g.get(hop.d.of).name });
    expect(verifyQaTask(g, sub)).toBeUndefined();
    expect(sub.qa.hops).toBeLessThan(question.qa.hops);
    expect(sub.metadata.derivedFrom).toBe(question.id);
    expect(r.provenance).toMatchObject({ originalTaskId: question.id, originalInstruction: question.instruction, droppedConstraintIds: ['answer'], subQuestion: { answerEntity: hop.d.of, hops: sub.qa.hops, originalHops: question.qa.hops } });
  });

  it('is cut where the hop\'s last proof page was shown, and ends by answering it', () => {
    const r = row!;
    const shownAt = 1 + clues.length; // the hop's page
    expect(r.provenance.truncationIndex).toBe(shownAt - 1);
    expect(r.steps).toHaveLength(shownAt + 1);
    const last = r.steps.at(-1)!;
    expect(last).toMatchObject({ synthetic: true, url: pages[shownAt]!.url, parsed: { type: 'stop', answer: g.get(hop.d.of).name } });
    expect(last.thought).toContain(g.get(hop.d.of).name);
    // The relabeled question's exact check accepts the final step's answer.
    const replied = { ...emptySiteState('search'), requests: 1, replies: [{ role: 'assistant' as const, text: g.get(hop.d.of).name, step: 0 }] };
    expect(evaluate(schemaTask(r.task, 'test'), replied).sr).toBe(true);
  });

  it('gives no row without the world, nor when the hop\'s own page was never shown', () => {
    expect(salvage(t, 'run-q', opts)).toBeUndefined();
    const missing = episode([search('start'), ...clues, search('more'), search('wrong')], 'Nothing');
    expect(salvage(missing, 'run-q', opts, { world })?.provenance.subQuestion?.answerEntity).not.toBe(hop.d.of);
    // A page that does not show the name (an error page at that address) proves nothing.
    const blank = episode([search('start'), ...clues, { url: page(hop.d.of).url, observation: '[1] heading "Not found"' }, search('wrong')], 'Nothing');
    expect(salvage(blank, 'run-q', opts, { world })?.provenance.subQuestion?.answerEntity).not.toBe(hop.d.of);
  });

  it('exports in every format, the react answer being the hop\'s name', () => {
    const r = DatasetRow.parse(row);
    for (const format of ['openai', 'sharegpt', 'trl', 'verl', 'react', 'jsonl'] as const) {
      for (const per of ['trajectory', 'step'] as const) {
        const out = EXPORTERS[format].export([r], { per });
        expect(out.examples, `${format} ${per}`).toBeGreaterThan(0);
        const text = out.files.map((f) => (typeof f.content === 'string' ? f.content : '')).join('');
        // Text formats carry the relabeled question and its answer (verl is Parquet).
        if (format !== 'verl') expect(text, `${format} ${per}`).toContain('What is the name of');
      }
    }
    const react = EXPORTERS.react.export([r], { per: 'trajectory' }).files[0]!.content as string;
    const line = JSON.parse(react.trim().split('\n')[0]!) as { question: string; answer: string; prediction: string };
    expect(line.question).toContain('What is the name of');
    expect(line.prediction).toBe(g.get(hop.d.of).name);
    expect(line.answer).toBe(g.get(hop.d.of).name);
  });
});
