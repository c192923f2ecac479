// The first start of an empty deployment: while no account exists, the operator (the deployment's
// ADMIN_TOKEN, as a bearer token from the dashboard's first-run form) opens the first system
// administrator's account. Once any account exists this is refused, whoever asks: from then on people
// are managed by administrators (worker/routes/people.ts).
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { UserCreateSchema } from "../../schema/api";
import { memberships, users } from "../../schema/db";
import { hashPassword } from "../auth/password";
import { commitAccountChange } from "../lib/admin-change";
import { router } from "../lib/app-env";
import { ApiError } from "../lib/errors";
import { zValidator } from "../lib/validator";

const alreadySetUp = () => new ApiError(409, "conflict", "Hệ thống đã có tài khoản; hãy đăng nhập (accounts already exist: sign in instead)");

async function anyAccount(d1: D1Database): Promise<boolean> {
  const [row] = await drizzle(d1).select({ one: sql<number>`1` }).from(users).limit(1);
  return row !== undefined;
}

export const firstRunRoutes = router()
  .get("/first-run", async (c) => c.json({ open: !(await anyAccount(c.env.DB)) }))
  .post("/first-run", zValidator("json", UserCreateSchema), async (c) => {
    const { email, name, password } = c.req.valid("json");
    if (await anyAccount(c.env.DB)) throw alreadySetUp();
    const id = crypto.randomUUID();
    const db = drizzle(c.env.DB);
    try {
      await commitAccountChange(
        c,
        [
          // Two first runs at once: the later batch finds the earlier's account, its name becomes NULL and
          // the NOT NULL constraint fails it whole (audit entry included), so only one system admin is made.
          db.insert(users).values({ id, email, passwordHash: await hashPassword(password), name: sql`CASE WHEN EXISTS (SELECT 1 FROM users) THEN NULL ELSE ${name} END` }),
          db.insert(memberships).values({ userId: id, role: "admin" }),
        ],
        // Never the password, nor its hash.
        { action: "user.create", target: email, after: { id, email, name, role: "admin", scope: "system" } },
      );
    } catch (err) {
      if (/NOT NULL|UNIQUE/.test(String(err))) throw alreadySetUp();
      throw err;
    }
    return c.json({ id, email, name }, 201);
  });
