import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ADMIN_ROLES, type AdminRole } from "@domain/rules/access";
import { openDatabase } from "@server/db/database";
import { readEnv } from "@server/env";
import { CreateAdminError, createAdministrator } from "@server/features/auth/create-admin";

// npm run admin:create -- --email ana@example.com --name "Ana Lima" --role FULL_ADMIN
// Creates an administrator account in the database DATABASE_URL names (the server's).
// The password is asked for (not echoed), or read from standard input when it is piped:
//   printf '%s\n' "$PASSWORD" | npm run admin:create -- --email … --name … --role …
// Location administrators take one --location per location they manage.

const USAGE = `Usage: npm run admin:create -- --email <email> --name <name> --role <${ADMIN_ROLES.join("|")}> [--location <name>]…`;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return "";
  }
  // Asked on the terminal with the typing hidden.
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput?: (s: string) => void };
  process.stdout.write("Password: ");
  output._writeToOutput = () => undefined;
  const password = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return password;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, location: { type: "string", multiple: true } },
    }));
  } catch (error) {
    throw new CreateAdminError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.email || !values.name || !values.role) throw new CreateAdminError(USAGE);
  const env = readEnv();
  const db = await openDatabase(env.DATABASE_URL);
  try {
    const password = await readPassword();
    await createAdministrator(db, {
      email: values.email,
      name: values.name,
      role: values.role as AdminRole,
      password,
      locations: values.location ?? [],
    });
    console.log(`Created ${values.role} ${values.name} <${values.email.trim().toLowerCase()}>: they can sign in now.`);
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof CreateAdminError || (error instanceof Error && error.message.startsWith("Invalid configuration")) ? error.message : error);
  process.exit(1);
});
