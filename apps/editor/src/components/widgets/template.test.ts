import { describe, expect, it } from "vitest";
import { insertPlaceholder } from "./TemplateInput";

describe("inserting a variable into a text template", () => {
  it("puts {{name}} at the cursor and the caret after it", () => {
    expect(insertPlaceholder("新订单：，请处理", "订单号", 4, 4)).toEqual({
      text: "新订单：{{订单号}}，请处理",
      caret: 11,
    });
  });

  it("replaces a selection", () => {
    expect(insertPlaceholder("hello NAME!", "nickname", 6, 10)).toEqual({
      text: "hello {{nickname}}!",
      caret: 18,
    });
  });
});
