import type { Article, CommentStatus, PublishedComment } from '../api/contract';

export type StoredArticle = Article;

/** A comment as the server keeps it: with the email, which no response ever carries. */
export interface StoredComment extends PublishedComment {
  email: string;
  status: CommentStatus;
}
