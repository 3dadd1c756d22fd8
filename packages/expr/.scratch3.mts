import { XMLParser } from "fast-xml-parser";
import { readFileSync } from "node:fs";
const p = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false, trimValues: false, alwaysCreateTextNode: true, isArray: (name) => ["decision","businessKnowledgeModel","inputData","contextEntry","formalParameter","binding","informationRequirement","knowledgeRequirement","testCase","resultNode","inputNode","item","component","itemDefinition"].includes(name) });
const root = "/work/shared/fixtures/dmn-tck-feel/compliance-level-3/";
const m = p.parse(readFileSync(root + "0092-feel-lambda/0092-feel-lambda.dmn", "utf8"));
console.log(JSON.stringify(m.definitions.decision.slice(0,3), null, 1).slice(0, 2500));
const t = p.parse(readFileSync(root + "0057-feel-context/0057-feel-context-test-01.xml", "utf8"));
console.log(JSON.stringify(t.testCases.testCase[0], null, 1).slice(0, 1500));
