import { withAppContext } from '../app-context';
import { AuthService } from './auth.service';
import { ROLES, Role } from './roles';
import { TokenDto } from './token.dto';

const USAGE = `usage:
  npm run token -- create <name> <${ROLES.join('|')}>   prints the secret once
  npm run token -- list
  npm run token -- revoke <id>`;

/**
 * `npm run token -- <command>`: manage API tokens without a running server or an admin token,
 * e.g. to issue the first one on a fresh install. Uses DATABASE_URL (or the embedded database)
 * and the same AuthService as the HTTP routes, so tokens are hashed the same way.
 */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  await withAppContext(async (app) => {
    console.log(JSON.stringify(await run(app.get(AuthService), command, args), null, 2));
  });
}

async function run(auth: AuthService, command: string | undefined, args: string[]): Promise<unknown> {
  if (command === 'create') {
    const [name, role] = args;
    if (!name || !role || !(ROLES as readonly string[]).includes(role)) throw new Error(USAGE);
    // Same rule as CreateTokenDto: names end up in audit rows and logs.
    if (name.length > 100 || /[\u0000-\u001f]/.test(name))
      throw new Error('name must be 1-100 characters without control characters');
    const { token, record } = await auth.issue(name, role as Role);
    return { id: record.id, name: record.name, role: record.role, token };
  }
  if (command === 'list') return (await auth.list()).map(TokenDto.from);
  if (command === 'revoke') {
    const id = Number(args[0]);
    if (!Number.isInteger(id) || id < 1) throw new Error(USAGE);
    return TokenDto.from(await auth.revoke(id));
  }
  throw new Error(USAGE);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
