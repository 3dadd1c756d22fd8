// Boundary check: the pure core (schema, expr, engine) must not reach I/O, and dependencies
// point one way: schema <- expr <- engine <- store <- server; schema <- node-sdk <- nodes.
const pure = "^packages/(schema|expr|engine)/src";
const io = ["^pg$", "^kysely", "^hono", "^@hono/", "^@electric-sql/", "^pino"];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "pure-core-no-node-builtins",
      comment:
        "schema, expr and engine run in the browser and in tests without I/O: no node:* modules",
      severity: "error",
      from: { path: pure },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "pure-core-no-io-libraries",
      comment: "schema, expr and engine must not import database, HTTP or logging libraries",
      severity: "error",
      from: { path: pure },
      to: { path: io.map((p) => p.replace("^", "(^|/node_modules/)")) },
    },
    {
      name: "schema-depends-on-zod-only",
      severity: "error",
      from: { path: "^packages/schema/src" },
      to: {
        dependencyTypes: ["npm", "npm-dev", "npm-peer", "npm-optional"],
        pathNot: "node_modules/zod/",
      },
    },
    {
      name: "no-upward-imports",
      comment: "lower layers never import higher ones",
      severity: "error",
      from: { path: "^packages/(schema|expr|engine|node-sdk|nodes)/src" },
      to: { path: "^(packages/(store)|apps/)" },
    },
    {
      name: "expr-not-engine",
      severity: "error",
      from: { path: "^packages/(schema|expr)/src" },
      to: { path: "^packages/(engine|node-sdk|nodes)/" },
    },
    {
      name: "engine-not-node-packs",
      severity: "error",
      from: { path: "^packages/engine/src" },
      to: { path: "^packages/(node-sdk|nodes)/" },
    },
    {
      name: "editor-not-runtime",
      comment:
        "the editor bundles manifests and the validator, never the store, server or executors",
      severity: "error",
      from: { path: "^apps/editor/src" },
      to: { path: "^(packages/store|apps/server)/" },
    },
    {
      name: "editor-no-executors",
      comment: "the editor imports @playbook/nodes/manifests, never executor code",
      severity: "error",
      from: { path: "^apps/editor/src" },
      to: {
        path: "^packages/nodes/src/(.*/executor\\.ts|runtime/|index\\.ts|builtin-registry\\.ts)",
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(test|bench|tck|dist|node_modules)/|\\.test\\.ts$|\\.stories\\.tsx$" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "default"],
    },
    tsConfig: { fileName: "tsconfig.base.json" },
  },
};
