// Robot signatures for DingTalk (加签) and Feishu (签名校验): HMAC-SHA256 over
// "timestamp\nsecret", base64. DingTalk puts it in the URL, Feishu in the JSON body.
import type { ImPlatform } from "./definition";

export interface SignedRequest {
  url: URL;
  payload: Record<string, unknown>;
}

export async function signRobotRequest(
  platform: ImPlatform,
  secret: string,
  request: SignedRequest,
  nowMs: number,
): Promise<SignedRequest> {
  switch (platform) {
    case "dingtalk": {
      // Milliseconds; key = secret, message = "timestamp\nsecret".
      const timestamp = String(nowMs);
      const sign = await hmacSha256Base64(secret, `${timestamp}\n${secret}`);
      const url = new URL(request.url);
      url.searchParams.set("timestamp", timestamp);
      url.searchParams.set("sign", sign);
      return { url, payload: request.payload };
    }
    case "feishu": {
      // Seconds; key = "timestamp\nsecret", empty message.
      const timestamp = String(Math.floor(nowMs / 1000));
      const sign = await hmacSha256Base64(`${timestamp}\n${secret}`, "");
      return { url: request.url, payload: { timestamp, sign, ...request.payload } };
    }
    case "wecom":
      // WeCom robots authenticate by the key in their URL only; the config schema refuses a secret.
      return request;
    default:
      return assertNever(platform);
  }
}

async function hmacSha256Base64(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(message)),
  );
  return btoa(String.fromCharCode(...signature));
}

function assertNever(value: never): never {
  throw new Error(`unexpected platform: ${String(value)}`);
}
