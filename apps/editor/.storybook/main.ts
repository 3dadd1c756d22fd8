// Storybook for the editor's components (src/**/*.stories.tsx), built on the app's own Vite
// config. Build: `pnpm --filter @playbook/editor build-storybook` → apps/editor/storybook-static.
import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  stories: ["../src/**/*.stories.@(ts|tsx)"],
  core: { disableTelemetry: true },
  typescript: { reactDocgen: "react-docgen" },
};

export default config;
