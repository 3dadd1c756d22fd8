// How a node type looks wherever it is shown (canvas card, palette, properties header): manifests
// name lucide icons, drawn here with the closest @ant-design/icons glyph; colours by category.
import {
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BellOutlined,
  BranchesOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CloudOutlined,
  CodeOutlined,
  DatabaseOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FilterOutlined,
  FlagOutlined,
  ForkOutlined,
  FormOutlined,
  FunctionOutlined,
  GlobalOutlined,
  HourglassOutlined,
  LinkOutlined,
  MailOutlined,
  MessageOutlined,
  NotificationOutlined,
  PlayCircleOutlined,
  RobotOutlined,
  SendOutlined,
  StopOutlined,
  TagOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
} from "@ant-design/icons";
import type { NodeCategory } from "@playbook/schema";
import type { ComponentType, CSSProperties } from "react";

type Icon = ComponentType<{ style?: CSSProperties; className?: string }>;

const ICONS: Record<string, Icon> = {
  play: PlayCircleOutlined,
  "circle-play": PlayCircleOutlined,
  square: FlagOutlined,
  flag: FlagOutlined,
  "octagon-x": StopOutlined,
  ban: StopOutlined,
  "user-check": AuditOutlined,
  user: UserOutlined,
  users: TeamOutlined,
  "clipboard-check": AuditOutlined,
  "git-branch": BranchesOutlined,
  split: BranchesOutlined,
  "git-fork": ForkOutlined,
  "git-merge": ForkOutlined,
  timer: FieldTimeOutlined,
  clock: ClockCircleOutlined,
  hourglass: HourglassOutlined,
  calendar: CalendarOutlined,
  mail: MailOutlined,
  inbox: MailOutlined,
  variable: FunctionOutlined,
  calculator: CalculatorOutlined,
  braces: CodeOutlined,
  code: CodeOutlined,
  webhook: ApiOutlined,
  plug: ApiOutlined,
  link: LinkOutlined,
  globe: GlobalOutlined,
  cloud: CloudOutlined,
  database: DatabaseOutlined,
  bot: RobotOutlined,
  "message-square": MessageOutlined,
  "message-circle": MessageOutlined,
  send: SendOutlined,
  bell: BellOutlined,
  megaphone: NotificationOutlined,
  tag: TagOutlined,
  "file-text": FileTextOutlined,
  form: FormOutlined,
  filter: FilterOutlined,
  zap: ThunderboltOutlined,
};

/** The glyph of a lucide icon name; an unknown name (third-party packs) gets a neutral one. */
export function iconFor(name: string | undefined): Icon {
  return (name && ICONS[name]) || AppstoreOutlined;
}

export const CATEGORY_ORDER: readonly NodeCategory[] = [
  "event",
  "human",
  "flow",
  "data",
  "integration",
  "messaging",
];

export const CATEGORY_COLOR: Record<NodeCategory, string> = {
  event: "#389e0d",
  human: "#1677ff",
  flow: "#d46b08",
  data: "#722ed1",
  integration: "#08979c",
  messaging: "#c41d7f",
};

/** Colour for a node whose manifest is missing (unknown type). */
export const UNKNOWN_COLOR = "#8c8c8c";
