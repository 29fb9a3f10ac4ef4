export { describeUnless, recordSkip } from './skip-unless';
