/**
 * Kysely table interfaces of `0002-identity-audit`. Booleans are 0/1 integers; JSON arrays
 * (roles, permissions) and audit details are text.
 *
 * @module
 */

/** An agency or company. */
export interface OrganizationTable {
  id: string;
  name: string;
  kind: string;
  country: string;
  created_at: string;
}

/** A person who logs in. */
export interface AppUserTable {
  id: string;
  organization_id: string;
  username: string;
  display_name: string;
  /** JSON array of role names. */
  roles: string;
  clearance: string;
  status: string;
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  totp_secret: string | null;
  totp_enabled: number;
  totp_last_step: number | null;
  created_at: string;
  updated_at: string;
}

/** A login session; the token is stored only as its SHA-256. */
export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
}

/** A system identity that acts through API keys. */
export interface ServiceAccountTable {
  id: string;
  organization_id: string;
  name: string;
  clearance: string;
  status: string;
  created_at: string;
}

/** An API key; the key is stored only as its SHA-256. */
export interface ApiKeyTable {
  id: string;
  service_account_id: string;
  name: string;
  key_hash: string;
  /** JSON array of permission names. */
  permissions: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** One chained audit event. */
export interface AuditEventTable {
  seq: number;
  at: string;
  actor_kind: string;
  actor_id: string;
  organization_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  outcome: string;
  ip: string | null;
  reason: string | null;
  /** Canonical JSON. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** The single row (`id = 1`) naming the chain's last event. */
export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

/** A signed checkpoint of the chain head. */
export interface AuditCheckpointTable {
  seq: number;
  hash: string;
  at: string;
  key_id: string;
  signature: string;
}

/** The effective marking of one marked entry of one publication (`0005-record-markings`). */
export interface EntryMarkingTable {
  publication_id: number;
  source_id: string;
  version_hash: string;
  /** JSON of the `Marking` (src/access), originators included. */
  marking: string;
}

/** Login attempts of one key (`ip:…` or `user:…`) in its current window. */
export interface LoginThrottleTable {
  key: string;
  window_start: string;
  attempts: number;
}
