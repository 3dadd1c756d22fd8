import type { Meta, StoryObj } from "@storybook/react-vite";
import { type ReactNode, useState } from "react";
import { variables } from "../storyFixtures";
import { DateTimeInput } from "./DateTimeInput";
import { DurationInput } from "./DurationInput";
import { FeelInput } from "./FeelInput/FeelInput";
import { MappingEditor } from "./MappingEditor";
import type { MappingRow } from "./mapping";
import { RolePicker, UserPicker } from "./PeoplePicker";
import { TemplateInput } from "./TemplateInput";
import { VariableSelect } from "./VariableSelect";

function Row({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 18 }}>
      <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)", marginBottom: 6 }}>{title}</div>
      {children}
    </div>
  );
}

function Feel({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <FeelInput value={value} onChange={setValue} variables={variables} />;
}

function Template({ initial, multiline }: { initial: string; multiline?: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <TemplateInput value={value} onChange={setValue} variables={variables} multiline={multiline} />
  );
}

function Duration({ initial }: { initial: string | undefined }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DurationInput value={value} onChange={setValue} />
      <code style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>{value ?? "—"}</code>
    </>
  );
}

function DateTime({ initial, mode }: { initial: string | undefined; mode: "date" | "datetime" }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateTimeInput value={value} onChange={setValue} mode={mode} />
      <code style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>{value ?? "—"}</code>
    </>
  );
}

function People() {
  const [users, setUsers] = useState(["zhangwei", "lina"]);
  const [roles, setRoles] = useState(["销售主管"]);
  return (
    <>
      <Row title="UserPicker">
        <UserPicker value={users} onChange={setUsers} />
      </Row>
      <Row title="RolePicker">
        <RolePicker value={roles} onChange={setRoles} />
      </Row>
    </>
  );
}

function Variable({ initial }: { initial: string | undefined }) {
  const [value, setValue] = useState(initial);
  return <VariableSelect value={value} onChange={setValue} variables={variables} />;
}

function Mapping() {
  const [rows, setRows] = useState<MappingRow[]>([
    { variable: "折扣", expression: "if 金额 > 50000 then 0.85 else 0.9" },
    { variable: "标签", expression: 'append(标签, "大客户")' },
  ]);
  return <MappingEditor value={rows} onChange={setRows} variables={variables} />;
}

function Gallery() {
  return (
    <div style={{ width: 380 }}>
      <Row title="FeelInput">
        <Feel initial={'金额 > 10000 and 渠道 = "抖音"'} />
      </Row>
      <Row title="FeelInput — undeclared">
        <Feel initial={'金额 > 10000 and 会员等级 = "金卡"'} />
      </Row>
      <Row title="FeelInput — syntax error">
        <Feel initial="金额 > and" />
      </Row>
      <Row title="FeelInput — empty">
        <Feel initial="" />
      </Row>
      <Row title="TemplateInput — URL">
        <Template initial="https://crm.example.com/customers/{{客户ID}}/tags" />
      </Row>
      <Row title="TemplateInput — message">
        <Template initial={"新订单：{{订单号}}，金额 {{金额}} 元\n请尽快处理"} multiline />
      </Row>
      <Row title="DurationInput — PT2H">
        <Duration initial="PT2H" />
      </Row>
      <Row title="DurationInput — P1M (raw)">
        <Duration initial="P1M" />
      </Row>
      <Row title="DateTimeInput — datetime">
        <DateTime initial="2025-06-18T09:00:00+08:00" mode="datetime" />
      </Row>
      <Row title="DateTimeInput — date">
        <DateTime initial="2025-06-18" mode="date" />
      </Row>
      <People />
      <Row title="VariableSelect">
        <Variable initial="审批结果" />
      </Row>
      <Row title="VariableSelect — undeclared">
        <Variable initial="响应" />
      </Row>
    </div>
  );
}

const meta = {
  title: "Widgets/Fields",
  component: Gallery,
} satisfies Meta<typeof Gallery>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AllWidgets: Story = {};

export const MappingEditorStory: Story = {
  name: "MappingEditor",
  render: () => (
    <div style={{ width: 380 }}>
      <Mapping />
    </div>
  ),
};

export const FeelAutocomplete: Story = {
  render: () => (
    <div style={{ width: 380, height: 320 }}>
      <Feel initial="" />
    </div>
  ),
};
