/**
 * What the vendor's error answers look like beyond the code and message its
 * `x-error-body` places: per documented error status with a body, its content
 * type (a JSON one first) and a sample of its schema. The fixtures and the
 * mock write each error's code and message into that sample, so that both
 * pass the vendor's own response schema for the status.
 */
import type { SpecModel } from "./model.js";
import { Synthesizer } from "./samples.js";

export interface ErrorAnswer {
  contentType: string;
  body: unknown;
}

export function errorAnswers(model: SpecModel): Record<string, ErrorAnswer> {
  const synth = new Synthesizer(model, "response");
  const answers: Record<string, ErrorAnswer> = {};
  for (const response of model.operation?.responses ?? []) {
    if (response.errorBody === undefined || response.body === undefined) continue;
    const types = response.body.contentTypes;
    answers[response.status] = {
      contentType: types.find((type) => /json/i.test(type)) ?? types[0] ?? "application/json",
      body: synth.sample(response.body.schema, "minimal", `/responses/${response.status}`),
    };
  }
  return answers;
}
