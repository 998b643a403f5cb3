/**
 * The OpenAPI 3.1 description of the snapshot server's API, served at GET /api/openapi.json.
 * It describes shared/spec/cli.md ("Snapshot server"); openApiDocument.test.ts checks that every
 * route the server registers is described and that every described route exists.
 */
import { ROLES } from '../../core/experiment/teamServerTypes';

const ID = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the RFC 8785 canonical JSON of the snapshot without `id`' };
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const r401 = error('Missing, invalid, expired or revoked token');
const r403 = error('The token’s role may not do this');
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The query parameters and the answer of a paged listing (`items`, `next`). */
const PAGE_PARAMETERS = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
  { name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`next` of the previous page' },
];
const page = (item: object) =>
  json({ type: 'object', required: ['items', 'next'], properties: { items: { type: 'array', items: item }, next: { type: ['string', 'null'], description: 'null on the last page' } } }, 'A page');

export function openApiDocument(version: string, maxBody: number) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Glassbox snapshot server',
      version,
      description:
        'Team storage for Glassbox experiment snapshots: immutable, content-addressed, with sign-offs and a hash-chained audit log. ' +
        'Tokens are minted with `glassbox token --role editor|reviewer|auditor`. Every response carries ' +
        '`Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`. Bad input never gets a 500.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths: {
      '/api/snapshots': {
        post: {
          summary: 'Store a snapshot (editor)',
          description: `201 only after the snapshot is durably committed. The id must equal the recomputed content hash. A snapshot whose id is already stored gets 200 and the stored bytes do not change. Body limit: ${maxBody} bytes (413 beyond, without reading the rest).`,
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Snapshot' } } } },
          responses: {
            201: json({ $ref: '#/components/schemas/IdResponse' }, 'Stored'),
            200: json({ $ref: '#/components/schemas/IdResponse' }, 'Already stored; nothing changed'),
            400: error('Not JSON, not a version-1 snapshot, or the id does not match the content'),
            401: r401,
            403: r403,
            413: error('Body over the limit'),
          },
        },
        get: {
          summary: 'List snapshots, oldest first (any role)',
          parameters: PAGE_PARAMETERS,
          responses: {
            200: page({ $ref: '#/components/schemas/SnapshotListItem' }),
            400: error('limit outside 1..500 or an unknown cursor'),
            401: r401,
          },
        },
      },
      '/api/snapshots/{id}': {
        get: {
          summary: 'A snapshot exactly as stored (any role); logged as snapshot.read',
          parameters: [{ name: 'id', in: 'path', required: true, schema: ID }],
          responses: { 200: json({ $ref: '#/components/schemas/Snapshot' }, 'The bytes of the request that created it'), 401: r401, 404: error('Unknown id') },
        },
      },
      '/api/snapshots/{id}/signoffs': {
        post: {
          summary: 'Sign off a snapshot (reviewer; not its author)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: ID }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', additionalProperties: false, required: ['decision'], properties: { decision: { enum: ['approve', 'reject'] }, comment: { type: 'string', maxLength: 10000 } } },
              },
            },
          },
          responses: { 201: json({ $ref: '#/components/schemas/Signoff' }, 'Recorded'), 400: error('Malformed body'), 401: r401, 403: error('Not a reviewer, or the reviewer created the snapshot'), 404: error('Unknown id') },
        },
        get: {
          summary: 'Sign-offs of a snapshot, oldest first (any role)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: ID }],
          responses: { 200: json({ type: 'array', items: { $ref: '#/components/schemas/Signoff' } }, 'The list'), 401: r401, 404: error('Unknown id') },
        },
      },
      '/api/signoffs': {
        get: {
          summary: 'Every sign-off of every snapshot, oldest first (any role)',
          parameters: PAGE_PARAMETERS,
          responses: {
            200: page({ allOf: [{ $ref: '#/components/schemas/Signoff' }, { type: 'object', required: ['snapshotId'], properties: { snapshotId: ID } }] }),
            400: error('limit outside 1..500 or an unknown cursor'),
            401: r401,
          },
        },
      },
      '/api/audit-log': {
        get: {
          summary: 'The hash-chained audit log (auditor, reviewer)',
          description: 'Ascending seq from 1 without gaps; the first prevHash is 64 zeros; hash = hex SHA-256 of prevHash + RFC 8785 JSON of the entry without hash.',
          responses: { 200: json({ type: 'array', items: { $ref: '#/components/schemas/AuditEntry' } }, 'Every entry'), 401: r401, 403: r403 },
        },
      },
      '/api/me': {
        get: {
          summary: 'The token’s name and role (any role)',
          responses: {
            200: json({ type: 'object', required: ['name', 'role', 'expiresAt'], properties: { name: { type: 'string' }, role: { $ref: '#/components/schemas/Role' }, expiresAt: { type: ['string', 'null'], format: 'date-time' } } }, 'The caller'),
            401: r401,
          },
        },
      },
      '/api/health': {
        get: {
          summary: 'Server status (no token needed)',
          security: [],
          responses: {
            200: json(
              { type: 'object', properties: { status: { const: 'ok' }, service: { const: 'glassbox' }, version: { type: 'string' }, storage: { enum: ['sqlite', 'postgresql'] }, app: { type: 'boolean' }, maxBody: { type: 'integer' } } },
              'Running',
            ),
          },
        },
      },
      '/api/openapi.json': { get: { summary: 'This description (no token needed)', security: [], responses: { 200: { description: 'OpenAPI 3.1 document' } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `glassbox token`' } },
      schemas: {
        Role: { enum: ROLES },
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
        IdResponse: { type: 'object', required: ['id'], properties: { id: ID } },
        Snapshot: { type: 'object', required: ['format', 'version', 'id'], description: 'A version-1 Glassbox experiment snapshot (docs/snapshot.md)', properties: { format: { const: 'glassbox.snapshot' }, version: { const: 1 }, id: ID } },
        SnapshotListItem: {
          type: 'object',
          required: ['id', 'createdAt', 'author', 'note'],
          properties: { id: ID, createdAt: { type: 'string', format: 'date-time' }, author: { type: 'string', description: 'Name of the token that created it' }, note: { type: ['string', 'null'] } },
        },
        Signoff: {
          type: 'object',
          required: ['id', 'reviewer', 'decision', 'at'],
          properties: { id: { type: 'string' }, reviewer: { type: 'string' }, decision: { enum: ['approve', 'reject'] }, comment: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
        },
        AuditEntry: {
          type: 'object',
          required: ['seq', 'at', 'actor', 'action', 'target', 'prevHash', 'hash'],
          properties: {
            seq: { type: 'integer', minimum: 1 },
            at: { type: 'string', format: 'date-time' },
            actor: { type: 'string', description: 'Token name, or cli:<user> for `glassbox token --revoke`' },
            action: { enum: ['snapshot.create', 'snapshot.read', 'signoff.create', 'token.revoke'] },
            target: { type: 'string', description: 'Snapshot id, or token name' },
            prevHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
            hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          },
        },
      },
    },
  };
}
