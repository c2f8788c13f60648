export { AppError, type ErrorPart } from './app-error';
export { describeError } from './describe';
