/**
 * Student figures: training examples/s (steps with all their candidates, forward + backward on
 * tfjs wasm, one thread) and student actions/s (features + plain-JS MLP + argument choice), on
 * synthetic flight-flow rows padded to ~120 elements a page (a real results page has 50-150).
 */
import { StudentPolicy } from '../src/student/student-policy.js';
import { trainStudent } from '../src/student/train.js';
import { syntheticRows } from '../test/student/synthetic.js';
import { fmt } from './stats.js';

const json = process.argv.includes('--json');
const rows = syntheticRows(40, 110);
let examplesPerSecond = 0;
const t0 = performance.now();
const { model, summary } = await trainStudent(rows, { epochs: 3, seed: 1, valFraction: 0, onEpoch: (r) => (examplesPerSecond = r.examplesPerSecond) });
const trainSeconds = (performance.now() - t0) / 1000;

const policy = new StudentPolicy(model);
const inputs = rows.flatMap((row) => row.steps.map((step, i) => ({ task: row.task, observation: { axtree: step.observation, url: step.url }, history: row.steps.slice(0, i).map((s) => ({ action: s.action })) })));
for (const input of inputs.slice(0, 20)) await policy.act(input);
const t1 = performance.now();
for (const input of inputs) await policy.act(input);
const actionsPerSecond = inputs.length / ((performance.now() - t1) / 1000);

if (json) process.stdout.write(`${JSON.stringify({ student: { trainingExamplesPerSecond: examplesPerSecond, actionsPerSecond, trainSeconds, stepExamples: summary.examples.train } })}\n`);
else {
  process.stdout.write(`student training: ${fmt(examplesPerSecond, 0)} examples/s (${summary.examples.train} step examples x 3 epochs in ${fmt(trainSeconds)} s)\n`);
  process.stdout.write(`student acting:   ${fmt(actionsPerSecond, 0)} actions/s (ms per action ${fmt(1000 / actionsPerSecond, 2)})\n`);
}
