/** Parameters the package itself reads by name (beside those rules, facts, tracks and the budget name). */
export const DEADLINE_PARAM = 'report.deadline';
export const PARAMETERS_READ_BY_PACKAGE: readonly string[] = [DEADLINE_PARAM];
