// Types of bin/server-bundle.js (plain JavaScript: it must run before anything is compiled), for
// the TypeScript that calls it (the suites' global set-up).
export declare const serverDist: string;
export declare function serverBundleIsFresh(): boolean;
export declare function buildServerBundle(): Promise<{ esbuild: string; builtAt: string; hash: string; inputs: string[] }>;
export declare function freshServerBundle(): Promise<string>;
