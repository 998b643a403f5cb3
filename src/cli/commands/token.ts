/**
 * `glassbox token [--data-dir DIR | --database-url URL] --role editor|reviewer|auditor [--name NAME]
 * [--expires 90d]` prints a new bearer token (one line); `glassbox token --revoke NAME` revokes
 * every token with that name (logged as token.revoke). Both act at once on a running server,
 * which looks tokens up on every request. Names are unique among unrevoked tokens.
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { InputError } from '../../core/errors/errors';
import { newTokenSecret, tokenSecretHash } from '../../server/auth/tokenSecret';
import { parseDuration } from '../../server/config/duration';
import { storeTarget } from '../../server/config/storeLocation';
import { openStore } from '../../server/store/openStore';
import { NameTakenError, ROLES, type Role } from '../../server/store/snapshotStore';
import { parseOptions, stringOption } from '../args';
import type { CliIo } from '../io/writeOutput';

const MAX_NAME = 200;

function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function checkName(name: string): string {
  if (name.trim() === '') throw new InputError('--name must not be empty');
  if (name.length > MAX_NAME) throw new InputError(`--name is longer than ${MAX_NAME} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new InputError('--name must not contain control characters');
  return name;
}

export async function tokenCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const options = parseOptions('token', argv, {
    'data-dir': { value: true },
    'database-url': { value: true },
    role: { value: true },
    name: { value: true },
    expires: { value: true },
    revoke: { value: true },
  });
  const revoke = stringOption(options, 'revoke');
  const roleText = stringOption(options, 'role');
  if (revoke !== undefined && (roleText !== undefined || 'name' in options || 'expires' in options)) {
    throw new InputError('token: --revoke NAME takes no --role, --name or --expires');
  }
  if (revoke === undefined && roleText === undefined) throw new InputError(`token: --role is required (${ROLES.join(', ')}), or --revoke NAME`);
  if (roleText !== undefined && !ROLES.includes(roleText as Role)) throw new InputError(`token: --role '${roleText}' is not one of ${ROLES.join(', ')}`);
  const expiresText = stringOption(options, 'expires');
  const expiresMs = expiresText === undefined ? null : parseDuration(expiresText);
  const name = revoke === undefined ? checkName(stringOption(options, 'name') ?? `${roleText}-${randomBytes(3).toString('hex')}`) : revoke;

  const store = await openStore(storeTarget({ dataDir: stringOption(options, 'data-dir'), databaseUrl: stringOption(options, 'database-url') }));
  try {
    if (revoke !== undefined) {
      const count = await store.revokeTokens(revoke, cliActor());
      if (count === 0) throw new InputError(`no active token is named '${revoke}'`);
      io.stdout(`revoked ${count} token${count === 1 ? '' : 's'} named '${revoke}'\n`);
      return;
    }
    const secret = newTokenSecret();
    try {
      await store.createToken({ name, role: roleText as Role, secretHash: tokenSecretHash(secret), expiresAt: expiresMs === null ? null : new Date(Date.now() + expiresMs).toISOString() });
    } catch (e) {
      if (e instanceof NameTakenError) throw new InputError(e.message);
      throw e;
    }
    io.stdout(`${secret}\n`);
  } finally {
    await store.close();
  }
}
