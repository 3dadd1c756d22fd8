// The editor's presentational components: plain props in, callbacks out, no store access.
export {
  EdgeConditionEditor,
  type EdgeConditionEditorProps,
  type EdgePatch,
} from "./EdgeConditionEditor/EdgeConditionEditor";
export { type Locale, pickText, toLocale, useComponentsText } from "./locale";
export { componentMessages } from "./messages";
export {
  NODE_CARD_WIDTH,
  NodeCard,
  type NodeCardProps,
  type NodeStatus,
} from "./NodeCard/NodeCard";
export { CATEGORY_COLOR, iconFor } from "./nodeVisuals";
export { Palette, type PaletteProps } from "./Palette/Palette";
export { PALETTE_DRAG_TYPE, type PaletteDragData, readPaletteDrop } from "./Palette/search";
export { ProblemsPanel, type ProblemsPanelProps } from "./ProblemsPanel/ProblemsPanel";
export {
  type NodePatch,
  PropertiesPanel,
  type PropertiesPanelProps,
} from "./PropertiesPanel/PropertiesPanel";
export { VariablesPanel, type VariablesPanelProps } from "./VariablesPanel/VariablesPanel";
export { DateTimeInput, type DateTimeInputProps } from "./widgets/DateTimeInput";
export { DurationInput, type DurationInputProps } from "./widgets/DurationInput";
export { FeelInput, type FeelInputProps } from "./widgets/FeelInput/FeelInput";
export { LabelInput, type LabelInputProps } from "./widgets/LabelInput";
export { MappingEditor, type MappingEditorProps } from "./widgets/MappingEditor";
export {
  PeoplePicker,
  type PeoplePickerProps,
  RolePicker,
  UserPicker,
} from "./widgets/PeoplePicker";
export { VariableSelect, type VariableSelectProps } from "./widgets/VariableSelect";
