/** The package version (written by scripts/build.mjs from package.json). */
export const version = '0.0.0';
