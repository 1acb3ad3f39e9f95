import { Command } from 'commander';
import { registerDemo } from './commands/demo.js';
import { registerServe } from './commands/serve.js';
import { registerExport } from './commands/export.js';
import { registerExplore } from './commands/explore.js';
import { registerGenerate } from './commands/generate.js';
import { registerJudge } from './commands/judge.js';
import { registerRun } from './commands/run.js';
import { registerBench } from './commands/bench.js';
import { registerSites } from './commands/sites.js';
import { registerKnowledge } from './commands/knowledge.js';
import { registerTasks } from './commands/tasks.js';
import { registerTrain } from './commands/train.js';
import { registerRl } from './commands/rl.js';
import { registerRft } from './commands/rft.js';
import { registerAblation } from './commands/ablation.js';
import { registerValidity } from './commands/validity.js';
import { registerReport } from './commands/report.js';
import { registerView } from './commands/view.js';
import { registerWorker } from './commands/worker.js';
import { registerEnvServer } from './commands/env-server.js';
import { fail } from './output.js';

const program = new Command()
  .name('webfoundry')
  .description('Booking sites, tasks, evaluation and training data for web agents')
  .version('0.1.0');

registerServe(program);
registerSites(program);
registerKnowledge(program);
registerDemo(program);
registerTasks(program);
registerRun(program);
registerBench(program);
registerGenerate(program);
registerExplore(program);
registerExport(program);
registerJudge(program);
registerTrain(program);
registerRl(program);
registerRft(program);
registerAblation(program);
registerValidity(program);
registerView(program);
registerReport(program);
registerWorker(program);
registerEnvServer(program);

program.parseAsync(process.argv).catch(fail);
