// Formats files with Biome off the main thread (see format.ts): each
// message is a batch of files, answered with the same batch formatted.
// Plain JavaScript: a worker does not inherit the TypeScript loader of the run that starts it.
import { parentPort, workerData } from "node:worker_threads";
import { Biome } from "@biomejs/js-api/nodejs";

// Biome's WebAssembly build reads no configuration from disk: the options below are all there is.
const biome = new Biome();
const { projectKey } = biome.openProject();
biome.applyConfiguration(projectKey, workerData.configuration);

parentPort.on("message", ({ id, jobs }) => {
  try {
    const formatted = jobs.map((job) => {
      const { content, diagnostics } = biome.formatContent(projectKey, job.content, { filePath: job.path });
      const error = diagnostics.find(
        (diagnostic) => diagnostic.severity === "error" || diagnostic.severity === "fatal",
      );
      if (error) throw new Error(`${job.path}: ${error.description}`);
      return content;
    });
    parentPort.postMessage({ id, formatted });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
