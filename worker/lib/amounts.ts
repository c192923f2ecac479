// An amount typed by a person (metres with decimals, counts whole) in the kind's smallest unit, the
// way every figure is stored; or the caller's 400 naming the field.
import { kindDecimals, toBaseUnits } from "../../schema/kinds";
import { ApiError } from "./errors";

export function baseUnitsOf(kind: string, amount: number, path: string): number {
  const v = toBaseUnits(amount, kindDecimals(kind) ?? 0);
  if (v === undefined) throw new ApiError(400, "validation_failed", "Số lẻ không hợp lệ (too many decimals)", [{ path, message: "too many decimals" }]);
  return v;
}
