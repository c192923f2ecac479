// What a plan-import test expects of a result: a plan, or the errors that refused it.
import type { ImportError, PlanImportResult } from "../../schema/plan/import";

export function expectOk(result: PlanImportResult) {
  if (!result.ok) throw new Error(`expected a plan, got errors:\n${result.errors.map((e) => e.message).join("\n")}`);
  return result;
}

export function expectErrors(result: PlanImportResult): ImportError[] {
  if (result.ok) throw new Error("expected errors, got a plan");
  return result.errors;
}
