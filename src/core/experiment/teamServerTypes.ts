/**
 * The records the team server's API sends (shared/spec/cli.md, "Snapshot server"), shared by the
 * server (src/server) and the app's client (src/app/server) so both read them the same way.
 */
export type Role = 'editor' | 'reviewer' | 'auditor';
export const ROLES: readonly Role[] = ['editor', 'reviewer', 'auditor'];

/** An item of `GET /api/snapshots`. */
export interface SnapshotListItem {
  id: string;
  createdAt: string;
  /** Name of the token that created it. */
  author: string;
  note: string | null;
}

export interface SnapshotPage {
  items: SnapshotListItem[];
  /** Opaque cursor of the next page; null on the last one. */
  next: string | null;
}

/** A sign-off: a separate record, the snapshot itself never changes. */
export interface Signoff {
  id: string;
  reviewer: string;
  decision: 'approve' | 'reject';
  comment?: string;
  at: string;
}

/** An item of `GET /api/signoffs` (every sign-off, oldest first): which snapshot it signs off. */
export interface SignoffListItem extends Signoff {
  snapshotId: string;
}

export interface SignoffPage {
  items: SignoffListItem[];
  next: string | null;
}
