/** Request bodies arrive as raw bytes (one catch-all parser); routes read them as JSON here, so bad input is a 400 with a reason. */
import { HttpError } from './httpError';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function bodyBytes(body: unknown): Uint8Array {
  if (body === undefined || body === null) throw new HttpError(400, 'the request has no body (send JSON)');
  if (!(body instanceof Uint8Array)) throw new HttpError(400, 'the request body could not be read');
  if (body.byteLength === 0) throw new HttpError(400, 'the request body is empty (send JSON)');
  return body;
}

export function jsonBody(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new HttpError(400, 'the request body is not UTF-8 text');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `the request body is not JSON (${(e as Error).message})`);
  }
}
