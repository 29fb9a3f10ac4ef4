export {
  type ScriptedHandler,
  type ScriptedReply,
  type ScriptedRequest,
  type ScriptedServer,
  startScriptedServer,
} from './scripted-server';
export { describeUnless, recordSkip } from './skip-unless';
