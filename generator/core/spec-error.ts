/** Where in a spec file something is: 1-based line and column, plus the JSON pointer. */
export interface SpecPosition {
  file: string;
  line: number;
  column: number;
  pointer: string;
}

/**
 * A problem with a spec that the author must fix. It is reported as one line,
 * `file:line:column  pointer  message`, never as a stack trace.
 */
export class SpecError extends Error {
  constructor(
    readonly position: SpecPosition,
    readonly problem: string,
  ) {
    super(`${position.file}:${position.line}:${position.column} ${position.pointer || "/"}: ${problem}`);
    this.name = "SpecError";
  }
}

/** Several spec errors found in one pass, reported together. */
export class SpecErrors extends Error {
  constructor(readonly errors: SpecError[]) {
    super(errors.map((error) => error.message).join("\n"));
    this.name = "SpecErrors";
  }
}

export function isSpecFailure(error: unknown): error is SpecError | SpecErrors {
  return error instanceof SpecError || error instanceof SpecErrors;
}
