/** Bearer tokens: `gbx_` + 32 random bytes (base64url). The server keeps only their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export function newTokenSecret(): string {
  return `gbx_${randomBytes(32).toString('base64url')}`;
}

export function tokenSecretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
