/**
 * Markings and the access policy: what a record is marked with, and who may do what with it.
 *
 * @module
 */
export { ACCESS_ACTIONS, ACTION_PERMISSION, decideAccess, isOriginator } from './decide-access.js';
export type { AccessAction, AccessDecision, AccessReason } from './decide-access.js';
export { combineMarkings, combinedMarking, lowerMarking, raiseMarking } from './change-marking.js';
export type { MarkingChange } from './change-marking.js';
export {
  CAVEATS,
  TLP_LABELS,
  formatMarking,
  isAtLeastAsRestrictive,
  markingProblem,
  tlpRank,
} from './marking.js';
export type { Caveat, MarkedRecord, Marking, Originator, Releasability, Tlp } from './marking.js';
export { canReadMarked, canReadOwned, organizationReader } from './record-viewer.js';
export type { RecordViewer } from './record-viewer.js';
