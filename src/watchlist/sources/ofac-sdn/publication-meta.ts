/**
 * Publication date and content hash of a legacy CSV publication. The CSV carries no date, so
 * it is taken, in order, from the caller, the `sdn` file name, the folder name, the newest file
 * modification time, or today (docs/adr/0005-publication-dates-and-references.md).
 *
 * @module
 */
import { ValidationError } from '../../../core/errors.js';
import { sha256Hex } from '../../../core/hash.js';
import type { InputFile } from '../../list-source.js';
import { baseNameOf, folderOf, OFAC_ROLES, type OfacRole } from './file-roles.js';

const FULL_DATE = /(\d{4})-(\d{2})-(\d{2})/;
const YEAR_MONTH = /(\d{4})-(\d{2})(?:-(\d{2}))?/;
const ISO_DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

/** The publication date (`YYYY-MM-DD`, or the caller's timestamp unchanged). */
export function publicationDate(
  sdn: InputFile,
  files: readonly InputFile[],
  override: string | undefined,
  now: Date = new Date(),
): string {
  if (override !== undefined) {
    return checkedOverride(override);
  }
  return (
    dateInName(sdn.name) ??
    dateInFolder(baseNameOf(folderOf(sdn.origin))) ??
    newestModification(files) ??
    now.toISOString().slice(0, 10)
  );
}

function checkedOverride(value: string): string {
  const date = ISO_DATE_PREFIX.exec(value)?.[1];
  if (date === undefined || !isRealDate(date) || Number.isNaN(Date.parse(value))) {
    throw new ValidationError(
      `publishedAt must be an ISO date (YYYY-MM-DD) or timestamp: ${value}`,
      {
        field: 'publishedAt',
        value,
      },
    );
  }
  return value;
}

/** `sdn-2024-05-03.csv.gz` → `2024-05-03`. */
export function dateInName(name: string): string | undefined {
  const match = FULL_DATE.exec(name);
  return match !== null && isRealDate(match[0]) ? match[0] : undefined;
}

/** `2021-07` → `2021-07-01`; `2024-05-03-mirror` → `2024-05-03`. */
export function dateInFolder(folder: string): string | undefined {
  const match = YEAR_MONTH.exec(folder);
  if (match === null) {
    return undefined;
  }
  const date = `${match[1]}-${match[2]}-${match[3] ?? '01'}`;
  return isRealDate(date) ? date : undefined;
}

function newestModification(files: readonly InputFile[]): string | undefined {
  const dates = files
    .map((file) => file.modifiedAt?.slice(0, 10))
    .filter((date): date is string => date !== undefined && isRealDate(date));
  return dates.sort().at(-1);
}

function isRealDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day && year > 0;
}

/**
 * SHA-256 over each file's bytes tagged with its role and length, in canonical role order
 * (sdn, alt, add, sdn_comments): renaming or reordering files leaves it unchanged.
 */
export function contentHash(byRole: ReadonlyMap<OfacRole, InputFile>): string {
  const parts: Buffer[] = [];
  for (const role of OFAC_ROLES) {
    const file = byRole.get(role);
    if (file !== undefined) {
      parts.push(Buffer.from(`${role}:${file.bytes.length}\n`), file.bytes);
    }
  }
  return sha256Hex(Buffer.concat(parts));
}
