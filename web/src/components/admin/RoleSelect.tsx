import { For } from "solid-js";
import { roleName, t } from "../../i18n";
import type { Role } from "../../roles";
import { Field } from "./Field";

/** Fewest rights first: the first is what a form starts with. */
const ROLES: readonly Role[] = ["leader", "supervisor", "admin"];

/** The role an account gets, where an account is opened (CreateAccount) and where a role is granted (GrantRole). */
export function RoleSelect(props: { value: Role; onChange: (role: Role) => void; error?: string | undefined }) {
  return (
    <Field name="role" label={t("people.role")} error={props.error}>
      <select name="role" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as Role)}>
        <For each={ROLES}>{(r) => <option value={r}>{roleName(r)}</option>}</For>
      </select>
    </Field>
  );
}
