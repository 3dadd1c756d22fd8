import { describe, expect, it } from "vitest";
import { evaluateField, renderTemplate } from "./feel";

const variables = { 客户: { 姓名: "张三", 标签: ["vip", "new"] }, 金额: 12_800, 备注: null };

describe("message templates", () => {
  it("fill each {{ expression }} with its value from the variables", () => {
    expect(
      renderTemplate("message", "{{客户.姓名}}，您的订单金额为 {{ 金额 }} 元", variables),
    ).toBe("张三，您的订单金额为 12800 元");
  });

  it("compute with FEEL inside placeholders", () => {
    expect(
      renderTemplate(
        "message",
        '折后 {{金额 * 0.9}}，{{if 金额 > 10000 then "大单" else "小单"}}',
        variables,
      ),
    ).toBe("折后 11520，大单");
  });

  it("render missing values as nothing and lists as JSON", () => {
    expect(renderTemplate("message", "[{{备注}}][{{未声明}}] {{客户.标签}}", variables)).toBe(
      '[][] ["vip","new"]',
    );
  });

  it("leave text without placeholders alone", () => {
    expect(renderTemplate("message", "纯文本 { 不是占位符 }", variables)).toBe(
      "纯文本 { 不是占位符 }",
    );
  });

  it("report a broken expression with the field it came from", () => {
    expect(() => renderTemplate("title", "{{ 金额 + }}", variables)).toThrow(
      expect.objectContaining({
        code: "expression.failed",
        retryable: false,
        message: expect.stringMatching(/^title: /),
      }),
    );
    expect(() => evaluateField("body", "{ a: ", variables)).toThrow(
      expect.objectContaining({ code: "expression.failed" }),
    );
  });
});
