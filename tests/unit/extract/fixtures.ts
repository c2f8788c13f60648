// The capture fixtures' helpers live with the scripts that record them (scripts/support/fixtures.ts).
export * from '../../../scripts/support/fixtures';
