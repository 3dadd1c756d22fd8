// What a process definition's HTTP request may reach and read: non-public addresses only when the
// operator allows them, checked on the address actually connected to (redirects included), and
// answers no larger than the limit. Every refused address here is refused before any packet
// leaves; the only servers these tests reach listen on 127.0.0.1.
import { runNode } from "@playbook/node-sdk/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RecordingServer, startRecordingServer } from "../../test/recording-server";
import { createHttpClient, type HttpPolicy } from "../runtime/http-client";
import { createWebhookExecutor } from "./executor";

let crm: RecordingServer;
let other: RecordingServer;
beforeAll(async () => {
  crm = await startRecordingServer();
  other = await startRecordingServer();
});
beforeEach(() => {
  crm.reset();
  other.reset();
});
afterAll(async () => {
  await crm.close();
  await other.close();
});

const port = () => new URL(crm.baseUrl).port;

/** Runs the HTTP request node under an operator's policy. */
async function call(policy: HttpPolicy, config: Record<string, unknown>) {
  const http = createHttpClient(policy);
  try {
    return await runNode(createWebhookExecutor(http), { config });
  } finally {
    await http.close();
  }
}

const failure = (result: Awaited<ReturnType<typeof call>>) =>
  result.ok ? undefined : result.error;

describe("addresses a process may call", () => {
  it.each([
    ["loopback", () => `http://127.0.0.1:${port()}/hook`],
    ["IPv6 loopback", () => `http://[::1]:${port()}/hook`],
    ["loopback as IPv4-mapped IPv6", () => `http://[::ffff:127.0.0.1]:${port()}/hook`],
    ["the cloud metadata service", () => "http://169.254.169.254/latest/meta-data/"],
    ["a private network", () => "http://10.0.0.8/admin"],
    ["a home router", () => "http://192.168.1.1/"],
    ["a unique-local IPv6 host", () => "http://[fd00::1]/"],
    ["the unspecified address", () => `http://0.0.0.0:${port()}/hook`],
  ])(
    "by default, %s is refused for good, naming the host and how to allow it",
    async (_what, url) => {
      const result = await call({}, { url: url() });
      const error = failure(result);
      expect(error).toMatchObject({ code: "http.addressRefused", retryable: false });
      const host = new URL(url()).hostname.replace(/^\[|\]$/g, "");
      expect(error?.message).toContain(host);
      expect(error?.message).toContain("PLAYBOOK_HTTP_ALLOW");
      expect(crm.requests).toHaveLength(0);
    },
  );

  it("a host name that resolves to loopback (localhost) is refused on the address it resolves to", async () => {
    const result = await call({}, { url: `http://localhost:${port()}/hook` });
    expect(failure(result)).toMatchObject({ code: "http.addressRefused", retryable: false });
    expect(failure(result)?.message).toMatch(/localhost \((127\.0\.0\.1|::1)\)/);
    expect(crm.requests).toHaveLength(0);
  });

  it("an allowed IP also lets names that resolve to it through", async () => {
    crm.answerWith({ body: { ok: true } });
    const result = await call(
      { allow: ["127.0.0.1"] },
      { url: `http://localhost:${port()}/hook`, resultVariable: "reply" },
    );
    expect(result).toMatchObject({ ok: true, output: { reply: { ok: true } } });
    expect(crm.requests).toHaveLength(1);
  });

  it("an allowed CIDR range opens every address in it, and only those", async () => {
    const inRange = await call({ allow: ["127.0.0.0/8"] }, { url: `${crm.baseUrl}/hook` });
    expect(inRange).toMatchObject({ ok: true });
    expect(crm.requests).toHaveLength(1);

    const outside = await call({ allow: ["127.0.0.0/30"] }, { url: `http://127.0.0.9:${port()}/` });
    expect(failure(outside)).toMatchObject({ code: "http.addressRefused" });
  });

  it("an allowed host name opens that name only", async () => {
    const named = await call({ allow: ["localhost"] }, { url: `http://localhost:${port()}/hook` });
    expect(named).toMatchObject({ ok: true });
    const literal = await call({ allow: ["localhost"] }, { url: `${crm.baseUrl}/hook` });
    expect(failure(literal)).toMatchObject({ code: "http.addressRefused" });
    expect(crm.requests).toHaveLength(1);
  });
});

describe("redirects", () => {
  const allowLocal = { allow: ["127.0.0.1"] };

  it("are followed (a POST answered 302 continues as a GET) and re-checked at every hop", async () => {
    crm.answerWith((request) =>
      request.url === "/hook"
        ? { status: 302, headers: { location: "/moved" } }
        : { body: { landed: request.method } },
    );
    const result = await call(allowLocal, {
      url: `${crm.baseUrl}/hook`,
      body: "{ a: 1 }",
      resultVariable: "reply",
    });
    expect(result).toMatchObject({ ok: true, output: { reply: { landed: "GET" } } });
    expect(crm.requests.map((r) => r.url)).toEqual(["/hook", "/moved"]);
  });

  it("to a refused address fail with http.addressRefused, and nothing reaches it", async () => {
    crm.answerWith({ status: 307, headers: { location: `http://127.0.0.2:${port()}/internal` } });
    const result = await call(allowLocal, { url: `${crm.baseUrl}/hook` });
    expect(failure(result)).toMatchObject({ code: "http.addressRefused", retryable: false });
    expect(failure(result)?.message).toContain("127.0.0.2");
    expect(crm.requests.map((r) => r.url)).toEqual(["/hook"]);
  });

  it("to the cloud metadata service fail with http.addressRefused", async () => {
    crm.answerWith({ status: 302, headers: { location: "http://169.254.169.254/latest/" } });
    const result = await call(allowLocal, { url: `${crm.baseUrl}/hook` });
    expect(failure(result)).toMatchObject({ code: "http.addressRefused", retryable: false });
    expect(failure(result)?.message).toContain("169.254.169.254");
  });

  it("from a host allowed by name to that host's loopback address fail", async () => {
    crm.answerWith({ status: 302, headers: { location: `${crm.baseUrl}/internal` } });
    const result = await call({ allow: ["localhost"] }, { url: `http://localhost:${port()}/hook` });
    expect(failure(result)).toMatchObject({ code: "http.addressRefused", retryable: false });
    expect(crm.requests.map((r) => r.url)).toEqual(["/hook"]);
  });

  it("stop after five hops", async () => {
    const hops = (count: number) =>
      crm.answerWith((request) => {
        const hop = Number(request.url.slice(1));
        return hop < count ? { status: 302, headers: { location: `/${hop + 1}` } } : {};
      });
    hops(5);
    expect(await call(allowLocal, { method: "GET", url: `${crm.baseUrl}/0` })).toMatchObject({
      ok: true,
    });
    crm.reset();
    hops(6);
    const result = await call(allowLocal, { method: "GET", url: `${crm.baseUrl}/0` });
    expect(failure(result)).toMatchObject({ code: "http.tooManyRedirects", retryable: false });
    expect(crm.requests).toHaveLength(6);
  });

  it("to another origin do not carry the Authorization header along", async () => {
    crm.answerWith({ status: 307, headers: { location: `${other.baseUrl}/next` } });
    const result = await call(allowLocal, {
      url: `${crm.baseUrl}/hook`,
      headers: { Authorization: "Bearer secret" },
      body: "{ a: 1 }",
    });
    expect(result).toMatchObject({ ok: true });
    expect(crm.requests[0]?.headers.authorization).toBe("Bearer secret");
    expect(other.requests[0]).toMatchObject({ method: "POST", json: { a: 1 } });
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe("answer size", () => {
  const small = { allow: ["127.0.0.1"], maxResponseBytes: 1000 };

  it("an answer up to the limit is read whole", async () => {
    crm.answerWith({ body: "x".repeat(1000) });
    const result = await call(small, { url: `${crm.baseUrl}/hook`, resultVariable: "reply" });
    expect(result).toMatchObject({ ok: true, output: { reply: "x".repeat(1000) } });
  });

  it("a longer answer fails for good, naming the limit", async () => {
    crm.answerWith({ body: "x".repeat(1001) });
    const result = await call(small, { url: `${crm.baseUrl}/hook`, resultVariable: "reply" });
    expect(failure(result)).toMatchObject({ code: "http.responseTooLarge", retryable: false });
    expect(failure(result)?.message).toContain("1000 bytes");
    expect(failure(result)?.message).toContain("PLAYBOOK_HTTP_MAX_RESPONSE_BYTES");
  });

  it("an answer that declares a length over the limit fails at once, its body unread", async () => {
    // Declares 10 MB, sends one byte and stays open: only the declared length can stop it early.
    crm.answerWith({ headers: { "content-length": "10000000" }, body: "x" });
    const result = await call(small, { url: `${crm.baseUrl}/hook`, timeoutSeconds: 2 });
    expect(failure(result)).toMatchObject({ code: "http.responseTooLarge", retryable: false });
  });

  it("an answer that never ends (no Content-Length) is cut off at the limit", async () => {
    crm.answerWith({ endless: true });
    const result = await call(small, { url: `${crm.baseUrl}/hook`, timeoutSeconds: 60 });
    expect(failure(result)).toMatchObject({ code: "http.responseTooLarge", retryable: false });
  });

  it("the default limit is 1 MiB", async () => {
    crm.answerWith({ body: "x".repeat(1024 * 1024) });
    expect(await call({ allow: ["127.0.0.1"] }, { url: `${crm.baseUrl}/hook` })).toMatchObject({
      ok: true,
    });
    crm.answerWith({ endless: true });
    const result = await call({ allow: ["127.0.0.1"] }, { url: `${crm.baseUrl}/hook` });
    expect(failure(result)).toMatchObject({ code: "http.responseTooLarge" });
    expect(failure(result)?.message).toContain("1 MiB");
  });
});
