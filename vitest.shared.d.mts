export declare const rulesFromSource: { find: RegExp; replacement: string }[];
export declare const testFiles: string[];
