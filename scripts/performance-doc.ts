// npm run docs:performance: re-renders docs/performance.md from docs/bench-results.json (npm run bench does it too).
import { resolve } from 'node:path';
import { renderRecorded } from './bench/record';

renderRecorded(resolve(import.meta.dirname, '..'));
