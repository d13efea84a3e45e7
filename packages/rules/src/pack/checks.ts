/**
 * Checks of a pack that its schema cannot express, one small named function each (after
 * changesets' config rules). Each returns the problems it finds; none throws.
 */
import { type PackCheck } from './checks/common.js';
import { factParamsDefined, factsAllowed, operatorsAllowed } from './checks/conditions.js';
import { citationsResolve, everyTrackDecided, referencedParamsExist, ruleTracksExist, tracksOnlyWhereMeaningful, uniqueIds } from './checks/references.js';
import { everyParameterUsed, rulesCanHold } from './checks/reach.js';
import { placeCodesUnique, placesOfPackProvince } from './checks/places.js';
import { messageFiltersKnown, messagePlaceholdersKnown, parameterValuesFitUnits, requiredMessages, vocabularyConsistent } from './checks/values.js';

export { type PackCheck, REQUIRED_MESSAGES, scopeOf } from './checks/common.js';

export const PACK_CHECKS: readonly PackCheck[] = [
  uniqueIds,
  citationsResolve,
  ruleTracksExist,
  tracksOnlyWhereMeaningful,
  factsAllowed,
  operatorsAllowed,
  factParamsDefined,
  referencedParamsExist,
  parameterValuesFitUnits,
  messagePlaceholdersKnown,
  messageFiltersKnown,
  requiredMessages,
  vocabularyConsistent,
  everyTrackDecided,
  everyParameterUsed,
  rulesCanHold,
  placeCodesUnique,
  placesOfPackProvince,
];
