/**
 * Finds where each element of a JSON document's top-level `entries` array starts, so problems
 * with an entry can name its line. Runs only on text `JSON.parse` already accepted.
 *
 * @module
 */

const SPACE_OR_SEPARATOR = /[\s,\]]/;

/** Scanner state: container depth, the depth of the entries array once inside it, and so on. */
interface ScanState {
  depth: number;
  entriesDepth: number;
  lastKey: string | undefined;
  expectElement: boolean;
  offsets: number[];
}

/** Start offsets of the `entries` elements, in order; empty when there is no such array. */
export function entryOffsets(json: string): number[] {
  const state: ScanState = {
    depth: 0,
    entriesDepth: -1,
    lastKey: undefined,
    expectElement: false,
    offsets: [],
  };
  for (let at = 0; at < json.length; at += 1) {
    const char = json[at]!;
    if (
      state.expectElement &&
      state.depth === state.entriesDepth &&
      !SPACE_OR_SEPARATOR.test(char)
    ) {
      state.offsets.push(at);
      state.expectElement = false;
    }
    at = step(json, at, char, state);
  }
  return state.offsets;
}

// Handles one character; returns the offset of the last character consumed.
function step(json: string, at: number, char: string, state: ScanState): number {
  switch (char) {
    case '"': {
      const end = closingQuote(json, at);
      if (state.depth === 1) {
        state.lastKey = json.slice(at + 1, end);
      }
      return end;
    }
    case '{':
    case '[':
      openContainer(char, state);
      return at;
    case '}':
    case ']':
      closeContainer(state);
      return at;
    case ',':
      state.expectElement = state.depth === state.entriesDepth;
      return at;
    default:
      return at;
  }
}

// Strings at depth 1 alternate key, value; an array opening there belongs to the last key read.
// A repeated `entries` key restarts the list, as JSON.parse keeps the last one.
function openContainer(char: string, state: ScanState): void {
  state.depth += 1;
  if (char === '[' && state.depth === 2 && state.lastKey === 'entries') {
    state.entriesDepth = 2;
    state.expectElement = true;
    state.offsets = [];
  }
}

function closeContainer(state: ScanState): void {
  if (state.depth === state.entriesDepth) {
    state.entriesDepth = -1;
    state.expectElement = false;
  }
  state.depth -= 1;
}

function closingQuote(json: string, opening: number): number {
  let at = opening + 1;
  while (at < json.length && json[at] !== '"') {
    at += json[at] === '\\' ? 2 : 1;
  }
  return at;
}
