import { describe, expect } from "vitest";
import { exampleDefinitions, seedExamples } from "../src/seed";
import { type ApiClient, openServer, test } from "./support/server";

async function openTask(api: ApiClient, instanceId: string) {
  const { body } = await api.get(`/api/tasks?instanceId=${instanceId}&status=open`);
  return body.items[0];
}

describe("example definitions", () => {
  test("every example passes the shared validator without a single problem", async ({
    database,
  }) => {
    const { validator } = await openServer(database);
    for (const definition of exampleDefinitions) {
      expect({ key: definition.key, problems: validator.validate(definition).problems }).toEqual({
        key: definition.key,
        problems: [],
      });
    }
  });

  test("seeding publishes the examples once; a restart leaves them alone", async ({ database }) => {
    const { workspace, logger, api } = await openServer(database);
    expect(await seedExamples(workspace, logger)).toEqual({
      seeded: ["content-production", "budget-approval", "welcome-journey"],
      skipped: [],
    });
    await api.put("/api/definitions/budget-approval", {
      definition: {
        ...exampleDefinitions[1],
        name: { "zh-CN": "我的预算审批", en: "My budget approval" },
      },
      revision: 1,
    });
    expect(await seedExamples(workspace, logger)).toEqual({
      seeded: [],
      skipped: ["content-production", "budget-approval", "welcome-journey"],
    });
    expect((await api.get("/api/definitions/budget-approval")).body.definition.name.en).toBe(
      "My budget approval",
    );
  });

  test("a budget over 10000 goes to the director, a smaller one to the manager", async ({
    database,
  }) => {
    const { workspace, logger, api } = await openServer(database);
    await seedExamples(workspace, logger);
    const request = (金额: number) =>
      api.post("/api/instances", {
        definitionKey: "budget-approval",
        variables: { 申请人: "li.lei", 金额, 事由: "抖音投放" },
      });

    const large = await request(20_000);
    const small = await request(8_000);
    expect((await openTask(api, large.body.id)).candidateRoles).toEqual(["director"]);
    expect((await openTask(api, small.body.id)).candidateRoles).toEqual(["manager"]);

    const task = await openTask(api, large.body.id);
    await api.post(`/api/tasks/${task.id}/complete`, { outcome: "通过" });
    expect((await api.get(`/api/instances/${large.body.id}`)).body.status).toBe("completed");
  });

  test("in the content SOP a rejected draft goes back to 创作, counting the rejection", async ({
    database,
  }) => {
    const { workspace, logger, api } = await openServer(database);
    await seedExamples(workspace, logger);
    const { body: instance } = await api.post("/api/instances", {
      definitionKey: "content-production",
      variables: { 主编: "zhou.bian" },
    });
    const complete = async (nodeId: string, body: Record<string, unknown>) => {
      const task = await openTask(api, instance.id);
      expect(task.nodeId).toBe(nodeId);
      const done = await api.post(`/api/tasks/${task.id}/complete`, body);
      expect(done.status).toBe(200);
    };

    await complete("topic", { variables: { 选题: "春季新品", 作者: "xiao.li" } });
    await complete("write", { variables: { 稿件链接: "https://docs.example.com/1" } });
    await complete("review", { outcome: "驳回" });
    await complete("write", { variables: { 稿件链接: "https://docs.example.com/2" } });
    await complete("review", { outcome: "通过" });
    await complete("publish", { variables: { 发布链接: "https://xhs.example.com/p/1" } });
    await complete("retro", { variables: { 阅读量: 12000 } });

    const done = await api.get(`/api/instances/${instance.id}`);
    expect(done.body).toMatchObject({
      status: "completed",
      variables: { 驳回次数: 1, 审核结果: "通过", 阅读量: 12000 },
    });
  });
});
