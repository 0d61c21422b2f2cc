/**
 * Whether the tests run under CI (`CI` set, and not `false` or `0`; .ci/run sets it). A check that needs material or a
 * program beside the checkout skips on a developer's clone without it, but fails under CI, so it never silently not runs.
 */
export const underCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
