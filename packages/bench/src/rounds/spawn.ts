// Runs one round in a child process and returns its report.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ROUND_ENV, type RoundReport, type RoundRequest } from "./protocol";

const childScript = fileURLToPath(new URL("./child.ts", import.meta.url));
const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

export function runInChild(request: RoundRequest): Promise<RoundReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--no-deprecation", "--import", "tsx", childScript], {
      cwd: packageRoot,
      env: { ...process.env, [ROUND_ENV]: JSON.stringify(request) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let report: RoundReport | undefined;
    child.on("message", (message) => {
      report = message as RoundReport;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0 && report) resolve(report);
      else reject(new Error(`${request.side} ${request.kind} round exited with ${code ?? signal}`));
    });
  });
}
