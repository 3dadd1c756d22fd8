import { validateDefinition } from "./src";
import { fakeAnalyzer } from "./test/fixtures/fake-analyzer";
import { largeDefinition } from "./test/fixtures/large-definition";
import { nodeTypes } from "./test/fixtures/node-types";
const def = largeDefinition(1000);
for (let i = 0; i < 300; i++) validateDefinition(def, nodeTypes, { expressions: fakeAnalyzer });
const t = process.cpuUsage(); const w = performance.now();
for (let i = 0; i < 200; i++) validateDefinition(def, nodeTypes, { expressions: fakeAnalyzer });
const u = process.cpuUsage(t); console.log("cpu ms/run", ((u.user + u.system) / 1000 / 200).toFixed(2), "wall", ((performance.now() - w) / 200).toFixed(2)); 
