// A node's settings as a form generated from its type's config JSON Schema (@rjsf/antd). The
// validator's problems are shown on the fields they name, in the reader's language; rjsf's own
// submit button is never rendered and every edit is reported at once.
import type { NodeManifest, Problem, VariableDeclaration } from "@playbook/schema";
import Form from "@rjsf/antd";
import {
  deepEquals,
  englishStringTranslator,
  getDefaultFormState,
  type RJSFSchema,
  replaceStringParameters,
  TranslatableString,
} from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { Form as AntForm } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { COMPONENTS_NS, type Locale } from "../locale";
import { buildUiSchema, type FieldTexts, formSchema, problemsToErrorSchema } from "./formSchema";
import { configTemplates } from "./formTemplates";
import { type ConfigFormContext, configFields, configWidgets } from "./formWidgets";
import "./ConfigForm.css";

export interface ConfigFormProps {
  manifest: NodeManifest;
  config: Record<string, unknown>;
  variables: readonly VariableDeclaration[];
  /** This node's problems. */
  problems: readonly Problem[];
  locale: Locale;
  onChange(config: Record<string, unknown>): void;
}

// TranslatableString's values are the English texts; our tables are keyed by its member names.
const translatableKeys = new Map<string, string>(
  Object.entries(TranslatableString).map(([key, english]) => [english, key]),
);

export function ConfigForm({
  manifest,
  config,
  variables,
  problems,
  locale,
  onChange,
}: ConfigFormProps) {
  const { t, i18n } = useTranslation(COMPONENTS_NS, { lng: locale });
  const schema = useMemo(() => formSchema(manifest.configSchema), [manifest.configSchema]);

  const texts = useMemo<FieldTexts>(
    () => ({
      locale,
      nodeType: manifest.type,
      lookup: (key) => {
        const full = `properties.${key}`;
        // Help texts show `{{变量}}` placeholders literally, so no interpolation here.
        return i18n.exists(full, { ns: COMPONENTS_NS, lng: locale })
          ? t(full, { skipInterpolation: true })
          : undefined;
      },
    }),
    [locale, manifest.type, i18n, t],
  );
  const uiSchema = useMemo(() => buildUiSchema(schema, config, texts), [schema, config, texts]);
  // rjsf fills in schema defaults when it renders and reports that as a change. The settings
  // mean the same either way, so only a real edit is passed on: merely selecting a node must
  // not change the draft (a new revision, "unpublished changes").
  const withDefaults = useMemo(
    () => getDefaultFormState(validator, schema as RJSFSchema, config),
    [schema, config],
  );
  const extraErrors = useMemo(() => problemsToErrorSchema(problems, locale), [problems, locale]);
  const formContext = useMemo<ConfigFormContext>(
    () => ({
      variables,
      problems,
      locale,
      colon: false,
      descriptionLocation: "below",
      labelAlign: "left",
      rowGutter: 8,
    }),
    [variables, problems, locale],
  );
  const translateString = useMemo(
    () => (text: TranslatableString, params?: string[]) => {
      const key = translatableKeys.get(text);
      const full = `properties.rjsf.${key}`;
      if (key === undefined || !i18n.exists(full, { ns: COMPONENTS_NS, lng: locale })) {
        return englishStringTranslator(text, params);
      }
      return replaceStringParameters(t(full, { skipInterpolation: true }), params);
    },
    [i18n, t, locale],
  );

  // antd's vertical layout for the Form.Items rjsf renders (rjsf itself renders no antd Form).
  return (
    <AntForm layout="vertical" component={false}>
      <Form
        className="playbook-config-form"
        tagName="div"
        schema={schema}
        uiSchema={uiSchema}
        formData={config}
        validator={validator}
        widgets={configWidgets}
        templates={configTemplates}
        fields={configFields}
        formContext={formContext}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        translateString={translateString}
        onChange={(event) => {
          const next = (event.formData ?? {}) as Record<string, unknown>;
          if (!deepEquals(next, withDefaults)) onChange(next);
        }}
      />
    </AntForm>
  );
}
