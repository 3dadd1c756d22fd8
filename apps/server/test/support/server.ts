// Opens the app the way main.ts does (built-in node types, the shared validator, the store) on
// the store's test database, in a fresh workspace per test so tests in one file never see each
// other's definitions, instances or tasks. Requests go through `app.request()`: no port.

import type { NodeTypeRegistry } from "@playbook/node-sdk";
import { createBuiltinRegistry } from "@playbook/nodes";
import { canonicalizeDefinition, type ProcessDefinitionInput } from "@playbook/schema";
import { createStore, type Store, type WorkerOptions, type WorkspaceApi } from "@playbook/store";
import { type Logger, pino } from "pino";
import { onTestFinished } from "vitest";
import type { TestDatabase } from "../../../../packages/store/test/db";
import { createApp } from "../../src/app";
import {
  createDefinitionValidator,
  type DefinitionValidator,
} from "../../src/definition-validation";
import { registryExecutors } from "../../src/executors";
import type { Router } from "../../src/routes/shared";

export { test } from "../../../../packages/store/test/db";

export interface TestServer {
  app: Router;
  store: Store;
  workspace: WorkspaceApi;
  registry: NodeTypeRegistry;
  validator: DefinitionValidator;
  logger: Logger;
  api: ApiClient;
  /** Every log line the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
}

export interface OpenServerOptions {
  /** Adds node types (e.g. a failing service for incidents) before the store starts. */
  registry?: (registry: NodeTypeRegistry) => void;
  /** Starts job and timer workers in this test. */
  workers?: WorkerOptions;
  bodyLimitBytes?: number;
}

export async function openServer(
  database: TestDatabase,
  options: OpenServerOptions = {},
): Promise<TestServer> {
  const registry = createBuiltinRegistry();
  options.registry?.(registry);
  const validator = createDefinitionValidator(registry);
  const logs: Array<Record<string, unknown>> = [];
  const logger: Logger = pino(
    { level: "debug" },
    { write: (line: string) => void logs.push(JSON.parse(line)) },
  );
  const store = await createStore({
    ...database.connection,
    resolveNodeType: registry.resolveNodeType,
    executorFor: registryExecutors(registry, logger),
    validateDefinition: validator.forStore,
    logger,
  });
  onTestFinished(() => store.close({ graceMs: 2_000 }));
  const workspaceId = `ws-${crypto.randomUUID().slice(0, 8)}`;
  await store.workspaces.ensure(workspaceId);
  if (options.workers)
    await store.startWorkers({ pollMs: 50, timerPollMs: 50, ...options.workers });
  const app = createApp({
    store,
    workspaceId,
    registry,
    validator,
    logger,
    ...(options.bodyLimitBytes !== undefined ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
  });
  return {
    app,
    store,
    workspace: store.workspace(workspaceId),
    registry,
    validator,
    logger,
    api: apiClient(app),
    logs,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field in tests.
export type Json = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Json;
}

export interface ApiClient {
  get(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  delete(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  /** A request with a body sent as-is (malformed JSON, other content types). */
  raw(
    method: string,
    path: string,
    body: string,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
}

export function apiClient(app: Router): ApiClient {
  const send = async (
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.request(path, {
      method,
      headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text === "" ? null : parse(text),
    };
  };
  const json = (body: unknown) => (body === undefined ? undefined : JSON.stringify(body));
  return {
    get: (path, headers) => send("GET", path, undefined, headers),
    post: (path, body, headers) => send("POST", path, json(body), headers),
    put: (path, body, headers) => send("PUT", path, json(body), headers),
    delete: (path, headers) => send("DELETE", path, undefined, headers),
    raw: (method, path, body, headers) => send(method, path, body, headers),
  };
}

function parse(text: string): Json {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Saves and publishes a definition through the API, failing the test loudly if either step fails. */
export async function publishDefinition(
  api: ApiClient,
  definition: ProcessDefinitionInput,
): Promise<void> {
  const created = await api.post("/api/definitions", {
    definition: canonicalizeDefinition(definition),
  });
  if (created.status !== 201)
    throw new Error(`create ${definition.key}: ${JSON.stringify(created.body)}`);
  const published = await api.post(`/api/definitions/${definition.key}/publish`, {});
  if (published.status !== 201)
    throw new Error(`publish ${definition.key}: ${JSON.stringify(published.body)}`);
}

/** Asserts the common problem+json shape and returns the body. */
export function expectProblem(response: ApiResponse, status: number, code: string): Json {
  const contentType = response.headers.get("content-type") ?? "";
  if (
    response.status !== status ||
    !contentType.startsWith("application/problem+json") ||
    response.body?.code !== code
  ) {
    throw new Error(
      `expected ${status} ${code} problem+json, got ${response.status} ${contentType}: ${JSON.stringify(response.body)}`,
    );
  }
  return response.body;
}
