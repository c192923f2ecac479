import type { Resource } from "solid-js";

/** A resource's value, or undefined while loading or after an error. Reading a Solid resource that
 * failed throws, which outside an ErrorBoundary would take the whole page down; callers show
 * `resource.error` themselves. */
export function valueOf<T>(resource: Resource<T>): T | undefined {
  return resource.state === "ready" || resource.state === "refreshing" ? resource() : undefined;
}
