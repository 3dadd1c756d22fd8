// What a page shows while its code or data loads.
import { Spin } from "antd";

export function PageLoading() {
  return (
    <div style={{ display: "grid", placeItems: "center", height: "100%", minHeight: 240 }}>
      <Spin size="large" />
    </div>
  );
}
