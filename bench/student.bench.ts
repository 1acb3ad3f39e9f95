/**
 * Student figures, per architecture (bow: an MLP scoring each candidate alone; attn: candidates
 * attending to each other and to the instruction, with listing facts as numbers): training
 * examples/s (steps with all their candidates, forward + backward on tfjs wasm, one thread) and
 * student actions/s (features + plain-JS forward + argument choice), on synthetic flight-flow
 * rows padded to ~120 elements a page (a real results page has 50-150).
 */
import type { Arch } from '../src/student/model.js';
import { StudentPolicy } from '../src/student/student-policy.js';
import { trainStudent } from '../src/student/train.js';
import { syntheticRows } from '../test/student/synthetic.js';
import { fmt } from './stats.js';

const json = process.argv.includes('--json');
const rows = syntheticRows(40, 110);
const inputs = rows.flatMap((row) => row.steps.map((step, i) => ({ task: row.task, observation: { axtree: step.observation, url: step.url }, history: row.steps.slice(0, i).map((s) => ({ action: s.action })) })));

async function measure(arch: Arch) {
  let examplesPerSecond = 0;
  const t0 = performance.now();
  const { model, summary } = await trainStudent(rows, { epochs: 3, seed: 1, arch, valFraction: 0, onEpoch: (r) => (examplesPerSecond = r.examplesPerSecond) });
  const trainSeconds = (performance.now() - t0) / 1000;
  const policy = new StudentPolicy(model);
  for (const input of inputs.slice(0, 20)) await policy.act(input);
  const t1 = performance.now();
  for (const input of inputs) await policy.act(input);
  const actionsPerSecond = inputs.length / ((performance.now() - t1) / 1000);
  return { trainingExamplesPerSecond: examplesPerSecond, actionsPerSecond, trainSeconds, stepExamples: summary.examples.train };
}

const bow = await measure('bow');
const attn = await measure('attn');
if (json) process.stdout.write(`${JSON.stringify({ student: bow, studentAttn: attn })}\n`);
else {
  for (const [name, r] of [['bow', bow], ['attn', attn]] as const) {
    process.stdout.write(`student (${name}) training: ${fmt(r.trainingExamplesPerSecond, 0)} examples/s (${r.stepExamples} step examples x 3 epochs in ${fmt(r.trainSeconds)} s)\n`);
    process.stdout.write(`student (${name}) acting:   ${fmt(r.actionsPerSecond, 0)} actions/s (ms per action ${fmt(1000 / r.actionsPerSecond, 2)})\n`);
  }
}
