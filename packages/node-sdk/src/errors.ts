// Errors of the node SDK. `NodeError` is what an executor throws for a failure it understands;
// `NodeSdkError` is what a broken node pack or registry misuse throws at start-up, loudly.

/** A failure an executor reports on purpose. Default: a retry cannot fix it. */
export class NodeError extends Error {
  override readonly name = "NodeError";
  readonly code: string;
  readonly retryable: boolean;

  constructor(
    code: string,
    message: string,
    options: { retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

/** A node run that did not produce output, as data: what the runtime turns into `jobFailed`. */
export interface NodeFailure {
  code: string;
  message: string;
  retryable: boolean;
}

export type NodeSdkErrorCode =
  | "definition.invalid"
  | "definition.configNotRepresentable"
  | "definition.executorNotAllowed"
  | "registry.duplicate";

/** A node pack is wrong (bad manifest, duplicate type...). Thrown at define / register time. */
export class NodeSdkError extends Error {
  override readonly name = "NodeSdkError";
  readonly code: NodeSdkErrorCode;

  constructor(code: NodeSdkErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
