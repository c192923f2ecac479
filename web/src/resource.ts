import type { Resource } from "solid-js";

/** A resource's value, or undefined while loading or after an error. Reading a Solid resource that
 * failed throws, which outside an ErrorBoundary would take the whole page down; callers show
 * `resource.error` themselves. While it refreshes, the last value is read through `latest`: calling the
 * resource then would put the enclosing <Suspense> back to its fallback and blank the page for a moment. */
export function valueOf<T>(resource: Resource<T>): T | undefined {
  if (resource.state === "ready") return resource();
  return resource.state === "refreshing" ? resource.latest : undefined;
}
