// Formats files with prettier off the main thread (see format.ts): each
// message is a batch of files, answered with the same batch formatted.
// Plain JavaScript: a worker does not inherit the TypeScript loader of the run that starts it.
import { parentPort, workerData } from "node:worker_threads";
import { format } from "prettier";

parentPort.on("message", async ({ id, jobs }) => {
  try {
    const formatted = [];
    for (const job of jobs) formatted.push(await format(job.content, { ...workerData.options, parser: job.parser }));
    parentPort.postMessage({ id, formatted });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
