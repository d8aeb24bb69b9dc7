// The parts of the discussion its first screen never needs, in one chunk loaded on demand: a
// deep thread's own view (`?fil=`) and the news of the reader's own comments. They take the
// comment item and the query options from the page instead of importing them: a lazy chunk
// that shares those modules with the first bundle makes Rolldown split the first bundle into
// several files, which costs more than the chunk saves (docs/decisions/001-languages.md).
export { FocusedThread } from './focused-thread';
export { OwnCommentOutcomes } from './own-comment-outcomes';
