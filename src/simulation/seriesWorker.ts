/**
 * The worker-thread entry of runTasks (see workerPool.ts): takes the PreparedRun from shared memory
 * (no recounting, no copy), keeps the generation 0 it may be sent for its first task (M0's table in
 * shared memory too), then runs each (cell, replicate) task it is sent and posts its rows, texts and end
 * back, generation by generation. Runs only as a worker; imports nothing from the CLI.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { expandCells } from './cells.js';
import { generation0FromParts, Generation0Keeper } from './generationZero.js';
import { preparedRunFromParts } from './preparedRun.js';
import { taskSteps } from './seriesTask.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './workerPool.js';

const port = parentPort;
if (port === null) throw new Error('seriesWorker.js runs only as a worker thread');
const setup = workerData as WorkerSetup;
const run = preparedRunFromParts(setup.prepared, setup.settings);
const cells = expandCells(setup.settings.sweep);
const post = (reply: WorkerReply): void => port.postMessage(reply);
// Generation 0 handed from one task of this worker to its next (the pool says when one will share it).
const keeper = new Generation0Keeper();

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'generation0') {
    // For the first task (the pool computed it once, M0's table in shared memory).
    keeper.keep(run, request.parts.key, generation0FromParts(run, cells[request.cellIndex]!, request.parts));
    return;
  }
  const { slot } = request;
  try {
    const task = { position: request.position, cell: cells[request.cellIndex]!, replicate: request.replicate };
    const steps = taskSteps(run, task, setup.extras, {
      onRow: (generation, values, perplexities) => post({ type: 'row', slot, generation, values, ...(perplexities === undefined ? {} : { perplexities }) }),
      onTexts: (generation, measured, shareSentences) => post({ type: 'texts', slot, generation, ids: measured.ids, offsets: measured.offsets, shareSentences }),
      warn: (message) => post({ type: 'warn', message }),
      onProgress: (generation, fraction) => post({ type: 'progress', slot, generation, fraction }),
      generation0: { keeper, keep: request.keepGeneration0 },
    });
    let step = steps.next();
    while (step.done !== true) step = steps.next();
    post(step.value === undefined ? { type: 'end', slot } : { type: 'end', slot, extinctions: step.value });
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', slot, message: failure.message, ...(failure.stack === undefined ? {} : { stack: failure.stack }) });
  }
});
