/**
 * Which part of an OFAC legacy CSV publication a file is, judged by its name: `sdn.csv`,
 * `alt.csv`, `add.csv`, `sdn_comments.csv`, in any case, optionally with a suffix such as a
 * date (`sdn-2024-05-03.csv`) and `.gz` (the bytes are already decompressed by the loader).
 *
 * @module
 */

/** The four files of a legacy CSV publication, in canonical order. */
export const OFAC_ROLES = ['sdn', 'alt', 'add', 'sdn_comments'] as const;

/** One of the four files of a publication. */
export type OfacRole = (typeof OFAC_ROLES)[number];

/** A file's role and the suffix after the role word (`''`, `-2024-05-03`), lowercased. */
export interface RoleMatch {
  readonly role: OfacRole;
  readonly suffix: string;
}

/** Canonical file name of each role; facts read from a file name it as their origin. */
export const ROLE_FILE: Readonly<Record<OfacRole, string>> = {
  sdn: 'sdn.csv',
  alt: 'alt.csv',
  add: 'add.csv',
  sdn_comments: 'sdn_comments.csv',
};

// `sdn_comments` is tried before `sdn`, whose suffix may itself start with `_`. A suffix must
// not start with a letter, so `sdnx.csv` or `address.csv` are not taken for OFAC files.
const ROLE_PATTERNS: readonly (readonly [OfacRole, RegExp])[] = [
  ['sdn_comments', /^sdn_comments([^a-z/\\][^/\\]*)?\.csv(?:\.gz)?$/i],
  ['sdn', /^sdn([^a-z/\\][^/\\]*)?\.csv(?:\.gz)?$/i],
  ['alt', /^alt([^a-z/\\][^/\\]*)?\.csv(?:\.gz)?$/i],
  ['add', /^add([^a-z/\\][^/\\]*)?\.csv(?:\.gz)?$/i],
];

/** The role of a file by its base name, or undefined when it is no OFAC legacy CSV file. */
export function roleOf(name: string): RoleMatch | undefined {
  for (const [role, pattern] of ROLE_PATTERNS) {
    const match = pattern.exec(name);
    if (match !== null) {
      return { role, suffix: (match[1] ?? '').toLowerCase() };
    }
  }
  return undefined;
}

/** The folder part of a path or URL (`/data/ofac/2021-07/sdn.csv` → `/data/ofac/2021-07`). */
export function folderOf(origin: string): string {
  const cut = Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\'));
  return cut < 0 ? '' : origin.slice(0, cut);
}

/** The last segment of a folder path (`/data/ofac/2021-07` → `2021-07`). */
export function baseNameOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}
