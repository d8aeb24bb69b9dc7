// The interface in English: a chunk of its own, loaded only when a reader chooses English (or
// their browser prefers it). The same keys as fr.ts and fr-deferred.ts, which its types enforce.
import { formatParisDateTime, formatParisTime } from '../format-paris-date';
import type { Catalogue } from './fr';
import type { DeferredCatalogue } from './fr-deferred';
import type { ModerationCatalogue } from './fr-moderation';
import { pluralIn } from '../../../shared/plural';

const plural = pluralIn('en');
const englishNumber = new Intl.NumberFormat('en-GB');
const formatCount = (count: number) => englishNumber.format(count);
const replies = (count: number) => `${formatCount(count)} ${plural(count, { one: 'reply', other: 'replies' })}`;
const characters = (count: number) => `${count} ${plural(count, { one: 'character', other: 'characters' })}`;
const showReplies = (count: number) =>
  plural(count, { one: 'Show the reply', other: `Show the ${formatCount(count)} replies` });

// The server's error codes whose meaning the client knows; others keep the server's French words.
const SERVER_CODES: Readonly<Record<string, string>> = {
  validation: 'Some fields need correcting.',
  not_found: 'This article or comment cannot be found.',
  parent_not_found: 'The comment you are replying to is no longer available.',
  already_reported: 'You have already reported this comment.',
  already_recommended: 'You already recommend this comment.',
  not_recommended: 'You did not recommend this comment.',
  rate_limited: 'Too many requests.',
  author_banned: 'You can no longer post comments on this site.',
  banned_words: 'Your comment contains terms that break our moderation charter.',
  unauthenticated: 'Sign in to moderate.',
  invalid_credentials: 'Incorrect username or password.',
  cross_origin: 'Request refused: it does not come from this site.',
  too_large: 'The request is too large.',
  server: 'The server ran into an error. Try again in a moment.',
  already_decided: 'Handled by another moderator.',
  comment_changed: 'Its author has just changed this comment: read it again before deciding.',
};

export const en: Catalogue = {
  lang: 'en',
  number: formatCount,
  dateTime: (iso) => formatParisDateTime(iso, 'at'),
  colon: (label) => `${label}:`,

  site: {
    skipLink: 'Skip to content',
    navigation: 'Main navigation',
    moderation: 'Moderation',
    theme: 'Theme',
    themes: { auto: 'Automatic', light: 'Light', dark: 'Dark' },
    language: 'Language',
    retry: 'Try again',
    loading: 'Loading…',
    loadingModeration: 'Loading moderation…',
    partFailed: 'This part of the page could not be loaded.',
    reload: 'Reload the page',
  },

  notFound: {
    title: 'Page not found',
    page: 'This page does not exist or is no longer online.',
    article: 'This article does not exist or is no longer online.',
    home: 'Back to the front-page article',
  },

  article: {
    title: 'Article',
    loading: 'Loading the article…',
    loadFailed: 'The article could not be loaded.',
    words: (count) => `${formatCount(count)}\u00a0${plural(count, { one: 'word', other: 'words' })}`,
    credits: (credit) => `(Credits: ${credit})`,
  },

  comments: {
    heading: (total) => `Comments${total === undefined ? '' : ` (${formatCount(total)})`}`,
    loading: 'Loading comments…',
    loadFailed: 'The comments could not be loaded.',
    none: 'No comments yet. Be the first to have your say.',
    sortBy: 'Sort comments',
    applySort: 'Show',
    sorts: {
      newest: 'Newest',
      oldest: 'Oldest',
      replies: 'Most replies',
      recommended: 'Most recommended',
    },
    loadMore: 'Show more comments',
    moreThreads: (count) => `(${formatCount(count)} more ${plural(count, { one: 'thread', other: 'threads' })})`,

    byline: { before: '', between: ' wrote on ', after: ':' },
    replyByline: { before: 'Reply from ', between: ' on ', after: ':' },
    removed: 'Comment removed by the moderators',
    deleted: 'Comment deleted by its author',
    inReview: 'Edited comment awaiting approval',
    edited: (iso) => `Edited at ${formatParisTime(iso, ':')}`,
    removedAuthor: 'a removed comment',
    inReplyTo: (author) => `in reply to ${author}`,
    reply: 'Reply',
    replyTo: (author) => `Reply to ${author}`,
    recommend: 'Recommend',
    recommendLabel: (count, author) => `Recommend ${count}, comment by ${author}`,
    recommendFailed: 'The recommendation could not be saved.',
    link: 'Link',
    linkLabel: (author) => `Link to the comment by ${author}`,
    linkCopied: 'Link copied to the clipboard.',
    report: 'Report',
    reportLabel: (author) => `Report the comment by ${author}`,
    reported: 'Reported',
    reportedLabel: (author) => `Reported: comment by ${author}`,
    hide: 'Hide',
    hideLabel: (author) => `Hide the replies to ${author}`,
    show: showReplies,
    showLabel: (count, author) => `${showReplies(count)} to ${author}`,
    viewReplies: (count) => plural(count, { one: 'View the reply', other: `View the ${formatCount(count)} replies` }),
    viewOtherReplies: (count) =>
      plural(count, { one: 'View the other reply', other: `View the ${formatCount(count)} other replies` }),
    loadingReplies: 'Loading replies…',
    repliesFailed: 'These replies could not be loaded.',
    continueThread: (count) => `Continue the discussion (${replies(count)})`,
    loadingThread: 'Loading the thread…',
    pending: 'Awaiting approval',
  },

  newComment: {
    heading: 'Have your say',
    emailNotShown: 'Your email will not be shown publicly',
    allRequired: 'All fields are required',
  },

  requests: {
    offline: () => 'You are offline. Try again once the connection is back.',
    timeout: () => 'The server is not answering. Try again in a moment.',
    network: () => 'Cannot connect: check your Internet access, then try again.',
    rateLimited: ({ seconds }) => {
      if (seconds === null) return 'Too many requests: wait a moment before trying again.';
      if (seconds < 60) return `Too many requests: try again in ${seconds} ${plural(seconds, { one: 'second', other: 'seconds' })}.`;
      const minutes = Math.ceil(seconds / 60);
      return `Too many requests: try again in ${minutes} ${plural(minutes, { one: 'minute', other: 'minutes' })}.`;
    },
    refused: ({ status }) => {
      if (status === 404) return 'This resource cannot be found.';
      if (status === 429) return 'Too many requests: wait a moment before trying again.';
      if (status >= 500) return 'The server has a problem. Try again in a moment.';
      return `The request was refused (error ${status}).`;
    },
    unreadable: () => 'The server’s answer cannot be read.',
    unexpected: () => 'The server’s answer is not what was expected.',
  },

  serverMessage: (code, message) => SERVER_CODES[code] ?? message,
};

/** "Try again in 15 minutes.", from a 429's Retry-After (null when the server did not say). */
function retryIn(seconds: number | null): string {
  if (seconds === null) return 'Try again in a few minutes.';
  if (seconds < 60) return `Try again in ${seconds} ${plural(seconds, { one: 'second', other: 'seconds' })}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} ${plural(minutes, { one: 'minute', other: 'minutes' })}.`;
}

export const enModeration: ModerationCatalogue = {
  title: 'Moderation',
  tabList: 'Moderation sections',
  tabs: { pending: 'Pending', reported: 'Reported', published: 'Approved', rejected: 'Rejected', bans: 'Banned', words: 'Words' },
  empty: {
    pending: 'No comment awaiting moderation.',
    reported: 'No reported comment.',
    published: 'No approved comment.',
    rejected: 'No rejected comment.',
  },
  decisions: { approve: 'Approve', reject: 'Reject', keep: 'Keep' },
  done: {
    approve: (author) => `Comment by ${author} approved: it is published.`,
    reject: (author) => `Comment by ${author} rejected: it is not published.`,
    keep: (author) => `Comment by ${author} kept: its reports are closed.`,
  },
  shortcuts: (keys) => `Shortcuts on the selected comment: ${keys}, J and K to move to the next or previous one.`,
  decisionFailed: 'The decision could not be saved.',
  decidedElsewhere: 'Handled by another moderator.',
  decidedElsewhereAbout: (author) => `Comment by ${author} handled by another moderator.`,
  liveLost: 'Live connection lost: the queue will be updated when the connection is back.',
  loading: 'Loading the moderation queue…',
  loadFailed: 'The moderation queue could not be loaded.',
  on: 'On ',
  inReplyTo: { before: 'In reply to ', after: ':' },
  reports: 'Reports',
  reason: 'Reason',
  reasonField: 'Reason (optional)',
  email: 'Email',
  suspect: 'Watched words',

  signIn: {
    heading: 'Sign in',
    intro: 'Moderation is for moderators only.',
    name: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    nameMissing: 'Enter your username.',
    passwordMissing: 'Enter your password.',
    invalid: 'Incorrect username or password.',
    throttled: (seconds) => `Too many attempts. ${retryIn(seconds)}`,
    failed: 'Signing in failed.',
    checking: 'Checking your session…',
    checkFailed: 'Your session could not be checked.',
    expired: 'Your session has expired. Sign in again to continue: your work in progress is kept.',
    expiredWithDecision: (decision, author) =>
      `Your session has expired. Sign in again: your decision “${decision}” on the comment by ${author} will be applied then.`,
  },

  session: {
    signedIn: 'Signed in as',
    signOut: 'Sign out',
    signOutFailed: 'Signing out failed.',
  },

  ban: {
    open: 'Ban the author',
    openLabel: (author) => `Ban the author ${author}`,
    form: (author) => `Ban ${author}`,
    reason: 'Reason for the ban',
    reasonMissing: 'Give the reason for the ban.',
    reasonTooLong: (max) => `The reason cannot be longer than ${max} characters.`,
    submit: 'Ban',
    submitting: 'Banning…',
    cancel: 'Cancel',
    done: 'The author is banned: their next comments will be refused.',
    failed: 'The ban could not be saved.',
  },

  bans: {
    loading: 'Loading the banned authors…',
    loadFailed: 'The banned authors could not be loaded.',
    empty: 'No banned author.',
    email: 'Email',
    reason: 'Reason',
    by: 'Banned by',
    date: 'Date',
    lift: 'Lift the ban',
    liftLabel: (author) => `Lift the ban on ${author}`,
    lifted: (author) => `Ban lifted: ${author} may post again.`,
    liftFailed: 'The ban could not be lifted.',
  },

  words: {
    heading: 'Word lists',
    help: 'One word or phrase per line. Matching ignores case, accents, look-alike letters (0 for o, @ for a, Cyrillic letters…), invisible characters and spaced-out letters (“c o n”). A word is matched whole, with its French plural and feminine forms; “mot*” also matches the words that begin with “mot”.',
    banned: 'Banned words',
    bannedHelp: 'A comment containing one is refused when sent, without naming the word.',
    suspect: 'Watched words',
    suspectHelp: 'A comment containing one awaits moderation, marked “Watched words”, with those words highlighted.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Lists saved.',
    failed: 'The lists could not be saved.',
    loading: 'Loading the word lists…',
    loadFailed: 'The word lists could not be loaded.',
  },
};

export const enDeferred: DeferredCatalogue = {
  form: {
    author: 'Name',
    email: 'Email',
    body: 'Comment',
    send: 'Send',
    sending: 'Sending…',
    waiting: 'Waiting for the connection…',
    cancel: 'Cancel',
    thanks: 'Thank you for your comment. It will appear once it has been approved.',
    charactersLeft: (count) => `: ${characters(count)} left`,
    charactersOver: (count) => `: ${characters(count)} over the limit`,
    spokenLeft: (count) => `You have ${characters(count)} left.`,
    spokenOver: (count) => `You are ${characters(count)} over the limit.`,
    draftRestored: 'Draft restored',
    noDrafts: 'Your drafts cannot be saved on this device: remember to send your text before leaving the page.',
    otherTab: 'This draft was changed in another tab.',
    takeOtherTab: 'Take the text from the other tab',
    keepThisText: 'Keep this text',
    offlineWaiting: 'You are offline: your comment will be sent as soon as the connection is back.',
    slow: 'The server is taking a while to answer. You can keep writing: nothing will be sent twice.',
    sendFailed: 'Sending failed.',
    textKept: 'Your text is kept.',
    bannedWords: 'Your comment contains terms that break our moderation charter. Please rephrase it.',
    postOnArticle: 'Post as a comment on the article',
    closeQuestion: 'Close this form? Your text can be kept as a draft or deleted.',
    keepWriting: 'Keep writing',
    closeKeepingDraft: 'Close and keep the draft',
    discard: 'Delete the text',
  },

  report: {
    title: (author) => `Report the comment by ${author}`,
    question: 'What is wrong with this comment?',
    details: 'Details',
    chooseReason: 'Choose a reason.',
    send: 'Send the report',
    close: 'Close',
    cancel: 'Cancel',
    thanks: 'Thank you, your report has been passed on to the moderators.',
    failed: 'The report could not be sent.',
  },

  reportReasons: {
    abusive: 'abusive or hateful',
    spam: 'spam or advertising',
    'off-topic': 'off topic',
    other: 'other',
  },

  thread: {
    heading: 'The discussion continues',
    back: 'Back to the whole discussion',
    place: 'In the discussion',
    removedAncestor: 'Removed comment',
    failed: 'This thread could not be loaded.',
  },

  outcomes: {
    published: (when) => `Your comment of ${when} has been published.`,
    rejected: (when) => `Your comment of ${when} was not accepted by the moderators.`,
    decided: (when) => `Your comment of ${when} is no longer awaiting approval.`,
  },

  ownComment: {
    edit: 'Edit',
    editLabel: 'Edit your comment',
    delete: 'Delete',
    deleteLabel: 'Delete your comment',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    saved: 'Your comment has been edited.',
    editFailed: 'Your comment could not be edited.',
    deleteTitle: 'Delete your comment?',
    deleteExplained: 'It will leave the discussion. If it has replies, they stay, under “Comment deleted by its author”. This cannot be undone.',
    confirmDelete: 'Delete for good',
    deleting: 'Deleting…',
    deleted: 'Your comment has been deleted.',
    deleteFailed: 'Your comment could not be deleted.',
  },

  live: {
    newComments: (count) => `${count} new ${count === 1 ? 'comment' : 'comments'}`,
    lost: 'Live updates interrupted: new comments will arrive when the connection is back.',
    back: 'Live updates restored.',
  },

  moderation: enModeration,

  rules: {
    authorMissing: () => 'Enter a name.',
    authorForbidden: () => 'Your name contains characters that are not allowed.',
    authorTooShort: ({ min }) => `Your name must be at least ${characters(min)} long.`,
    authorTooLong: ({ max }) => `Your name cannot be longer than ${characters(max)}.`,
    emailMissing: () => 'Enter your email address.',
    emailInvalid: () => 'This email address is not valid (for example: name@example.com).',
    bodyMissing: () => 'Write your comment.',
    bodyForbidden: () => 'Your comment contains characters that are not allowed.',
    bodyTooLong: ({ max, excess }) => `Your comment is over the limit of ${characters(max)}: remove ${excess}.`,
    detailsMissing: () => 'Say why you are reporting this comment.',
    detailsForbidden: () => 'Your text contains characters that are not allowed.',
    detailsTooLong: ({ max, excess }) => `Your text is over the limit of ${characters(max)}: remove ${excess}.`,
  },
};
