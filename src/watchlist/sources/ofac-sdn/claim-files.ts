/**
 * Groups input files into OFAC legacy CSV publications by folder and name.
 *
 * @module
 */
import type { InputFile } from '../../list-source.js';
import { folderOf, OFAC_ROLES, roleOf, type OfacRole, type RoleMatch } from './file-roles.js';

interface RoleFile extends RoleMatch {
  readonly file: InputFile;
}

/**
 * One group per `sdn` file. A folder holding a single `sdn` file is one publication: that file
 * with the folder's `alt`, `add` and `sdn_comments` files. A folder holding several (a history
 * folder of `sdn-YYYY-MM-DD.csv.gz`) makes each its own publication, joined only by siblings
 * carrying the same suffix (`alt-2024-05-03.csv`). Files of folders without an `sdn` file are
 * left unclaimed: aliases or addresses alone are not a publication.
 */
export function claimOfacFiles(files: readonly InputFile[]): InputFile[][] {
  const groups: InputFile[][] = [];
  for (const folderFiles of byFolder(files).values()) {
    groups.push(...groupFolder(folderFiles));
  }
  return groups.sort((a, b) => a[0]!.origin.localeCompare(b[0]!.origin));
}

function byFolder(files: readonly InputFile[]): Map<string, RoleFile[]> {
  const folders = new Map<string, RoleFile[]>();
  for (const file of files) {
    const match = roleOf(file.name);
    if (match !== undefined) {
      const folder = folderOf(file.origin);
      folders.set(folder, [...(folders.get(folder) ?? []), { ...match, file }]);
    }
  }
  return folders;
}

function groupFolder(folderFiles: readonly RoleFile[]): InputFile[][] {
  const primaries = folderFiles.filter((each) => each.role === 'sdn');
  const taken = new Set<InputFile>(primaries.map((each) => each.file));
  return primaries.map((primary) => {
    const siblings = OFAC_ROLES.filter((role) => role !== 'sdn')
      .map((role) => siblingFor(role, primary, folderFiles, primaries.length === 1))
      .filter((sibling): sibling is InputFile => sibling !== undefined && !taken.has(sibling));
    siblings.forEach((sibling) => taken.add(sibling));
    return [primary.file, ...siblings];
  });
}

// The same suffix always pairs; a lone sdn file also takes a folder's only file of a role.
function siblingFor(
  role: OfacRole,
  primary: RoleFile,
  folderFiles: readonly RoleFile[],
  lonePrimary: boolean,
): InputFile | undefined {
  const candidates = folderFiles.filter((each) => each.role === role);
  const sameSuffix = candidates.find((each) => each.suffix === primary.suffix);
  if (sameSuffix !== undefined) {
    return sameSuffix.file;
  }
  return lonePrimary && candidates.length === 1 ? candidates[0]!.file : undefined;
}
