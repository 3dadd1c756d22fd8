// Every string of src/components, registered by src/i18n as the "components" namespace: each
// component folder keeps its own table; this file only gathers them under their prefixes.
import { commonMessages } from "./commonMessages";
import type { Bilingual, MessageTree } from "./defineMessages";
import { edgeMessages } from "./EdgeConditionEditor/messages";
import { nodeCardMessages } from "./NodeCard/messages";
import { paletteMessages } from "./Palette/messages";
import { problemsMessages } from "./ProblemsPanel/messages";
import { propertiesMessages } from "./PropertiesPanel/messages";
import { variablesMessages } from "./VariablesPanel/messages";
import { widgetMessages } from "./widgets/messages";

const tables = {
  common: commonMessages,
  nodeCard: nodeCardMessages,
  palette: paletteMessages,
  properties: propertiesMessages,
  widgets: widgetMessages,
  edge: edgeMessages,
  variables: variablesMessages,
  problems: problemsMessages,
};

type Tables = typeof tables;
type Side<L extends "en" | "zh-CN"> = { [K in keyof Tables]: Tables[K][L] };

function side<L extends "en" | "zh-CN">(locale: L): Side<L> {
  const entries = Object.entries(tables) as [keyof Tables, Bilingual<MessageTree>][];
  return Object.fromEntries(entries.map(([key, table]) => [key, table[locale]])) as Side<L>;
}

export const componentMessages = { en: side("en"), "zh-CN": side("zh-CN") };
