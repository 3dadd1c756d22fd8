// Seeds the example definitions on a fresh database, published so they can run at once. A key
// that already exists is left alone, so a restart never overwrites what users changed.
import { canonicalizeDefinition, type ProcessDefinitionInput } from "@playbook/schema";
import type { WorkspaceApi } from "@playbook/store";
import type { Logger } from "pino";
import { budgetApproval } from "./budget-approval";
import { contentProduction } from "./content-production";
import { welcomeJourney } from "./welcome-journey";

export const exampleDefinitions: readonly ProcessDefinitionInput[] = [
  contentProduction,
  budgetApproval,
  welcomeJourney,
];

export interface SeedReport {
  seeded: string[];
  skipped: string[];
}

export async function seedExamples(workspace: WorkspaceApi, logger: Logger): Promise<SeedReport> {
  const report: SeedReport = { seeded: [], skipped: [] };
  for (const definition of exampleDefinitions) {
    const existing = await workspace.definitions.listVersions(definition.key);
    if (existing.ok) {
      report.skipped.push(definition.key);
      continue;
    }
    const saved = await workspace.definitions.saveDraft({
      key: definition.key,
      definition: canonicalizeDefinition(definition) as Record<string, unknown>,
      expectedRevision: 0,
    });
    // Another process seeding the same database at the same moment wins the race: fine.
    if (!saved.ok) {
      report.skipped.push(definition.key);
      continue;
    }
    const published = await workspace.definitions.publish(definition.key, {
      expectedRevision: saved.value.revision,
      note: "Example seeded on first start",
      publishedBy: "playbook",
    });
    if (!published.ok) {
      throw new Error(
        `example ${definition.key} could not be published: ${JSON.stringify(published.error)}`,
      );
    }
    report.seeded.push(definition.key);
  }
  if (report.seeded.length > 0)
    logger.info({ seeded: report.seeded }, "example definitions seeded");
  return report;
}
