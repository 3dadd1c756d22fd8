// Node types the server has registered: the palette, the property forms and the validator all
// read these manifests, so a new node pack shows up in the editor with no editor change.
import { NodeManifest } from "@playbook/schema";
import { api, unwrap } from "./client";

export async function fetchNodeTypes(): Promise<NodeManifest[]> {
  const body = await unwrap(api.GET("/api/node-types"));
  // Parsed, not cast: a manifest the editor cannot understand should fail loudly here rather
  // than draw a broken node later.
  return body.nodeTypes.map((manifest) => NodeManifest.parse(manifest));
}
