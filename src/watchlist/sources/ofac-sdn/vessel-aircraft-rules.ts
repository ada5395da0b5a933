/**
 * Remark rules for vessels and aircraft. A value fills the matching `vessel` / `aircraft`
 * field when that is still empty; every such fragment is also kept as an other fact, which
 * holds its text and any further (`alt.`) values.
 *
 * @module
 */
import type { AircraftDetails, VesselDetails } from '../../watchlist-entry.js';
import { readDocument } from './document-rules.js';
import { parseOfacDate } from './ofac-dates.js';
import { otherFact, type LabelHandler, type LabelRule } from './remark-facts.js';

type VesselField = keyof VesselDetails;
type AircraftField = keyof AircraftDetails;

function vesselFact(key: string, field?: VesselField): LabelHandler {
  return ({ label, value, fragment }, facts) => {
    if (value === '') {
      return false;
    }
    if (field !== undefined) {
      facts.vessel[field] ??= value;
    }
    facts.otherFacts.push(otherFact(key, label, value, fragment));
    return true;
  };
}

function aircraftFact(key: string, field?: AircraftField): LabelHandler {
  return ({ label, value, fragment }, facts) => {
    if (value === '') {
      return false;
    }
    if (field !== undefined) {
      facts.aircraft[field] ??= value;
    }
    facts.otherFacts.push(otherFact(key, label, value, fragment));
    return true;
  };
}

const handleManufactureDate: LabelHandler = ({ label, value, fragment }, facts, context) => {
  const date = parseOfacDate(value);
  if (date === undefined) {
    context.warn('bad-date', `unreadable aircraft manufacture date "${value}"`, 'Remarks');
    return false;
  }
  facts.aircraft.manufactureDate ??= date.iso;
  facts.otherFacts.push(otherFact('aircraft-manufacture-date', label, date.iso, fragment));
  return true;
};

// IMO and MMSI numbers identify the vessel: they are documents (screenable) and vessel fields.
function vesselNumber(type: string, field: 'imoNumber' | 'mmsi'): LabelHandler {
  return (input, facts, context) => {
    const document = readDocument({ type }, input, context);
    if (document === undefined) {
      return false;
    }
    facts.documents.push(document);
    facts.vessel[field] ??= document.number;
    return true;
  };
}

/** Vessel rules. */
const VESSEL_RULES: readonly LabelRule[] = [
  { label: 'Vessel Registration Identification IMO', handle: vesselNumber('imo', 'imoNumber') },
  { label: 'IMO', handle: vesselNumber('imo', 'imoNumber') },
  { label: 'MMSI', handle: vesselNumber('mmsi', 'mmsi') },
  { label: 'Vessel Year of Build', handle: vesselFact('vessel-year-of-build', 'yearOfBuild') },
  { label: 'Vessel Type', handle: vesselFact('vessel-type', 'vesselType') },
  { label: 'Vessel Flag', handle: vesselFact('vessel-flag', 'flag') },
  { label: 'Vessel Call Sign', handle: vesselFact('vessel-call-sign', 'callSign') },
  { label: 'Other Vessel Type', handle: vesselFact('other-vessel-type') },
  { label: 'Other Vessel Flag', handle: vesselFact('other-vessel-flag') },
  { label: 'Former Vessel Flag', handle: vesselFact('former-vessel-flag') },
  { label: 'Other Vessel Call Sign', handle: vesselFact('other-vessel-call-sign') },
];

/** Aircraft rules. */
const AIRCRAFT_RULES: readonly LabelRule[] = [
  {
    label: "Aircraft Manufacturer's Serial Number (MSN)",
    handle: aircraftFact('aircraft-serial-number', 'serialNumber'),
  },
  { label: 'Aircraft Serial Identification', handle: aircraftFact('aircraft-serial-number') },
  { label: 'Aircraft Manufacturer', handle: aircraftFact('aircraft-manufacturer', 'manufacturer') },
  { label: 'Aircraft Model', handle: aircraftFact('aircraft-model', 'model') },
  { label: 'Aircraft Operator', handle: aircraftFact('aircraft-operator', 'operator') },
  { label: 'Aircraft Manufacture Date', handle: handleManufactureDate },
  { label: 'Aircraft Tail Number', handle: aircraftFact('aircraft-tail-number', 'tailNumber') },
  { label: 'Previous Aircraft Tail Number', handle: aircraftFact('previous-aircraft-tail-number') },
  {
    label: 'Aircraft Construction Number (also called L/N or S/N or F/N)',
    handle: aircraftFact('aircraft-construction-number'),
  },
  { label: 'Aircraft Construction Number', handle: aircraftFact('aircraft-construction-number') },
  {
    label: 'Aircraft Mode S Transponder Code',
    handle: aircraftFact('aircraft-mode-s-transponder-code'),
  },
];

/** Vessel and aircraft rules. */
export const CRAFT_RULES: readonly LabelRule[] = [...VESSEL_RULES, ...AIRCRAFT_RULES];
