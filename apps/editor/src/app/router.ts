// A two-page router over the History API: the process list at /, one process at
// /definitions/<key>. The server answers index.html for any path, so deep links survive reloads.
import { useSyncExternalStore } from "react";

export type Route = { page: "list" } | { page: "editor"; key: string } | { page: "notFound" };

export function parseRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { page: "list" };
  const match = /^\/definitions\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) return { page: "editor", key: decodeURIComponent(match[1]) };
  return { page: "notFound" };
}

export function routePath(route: Route): string {
  switch (route.page) {
    case "list":
    case "notFound":
      return "/";
    case "editor":
      return `/definitions/${encodeURIComponent(route.key)}`;
  }
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function navigate(route: Route): void {
  const path = routePath(route);
  if (path !== window.location.pathname) window.history.pushState(null, "", path);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
