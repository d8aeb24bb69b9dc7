// A comment form posted without JavaScript and refused comes back from the server open, with
// what was typed and each error (src/server/form-posts.ts). The server renders it from its
// request; the browser finds the same in the page's data, so that hydration matches. Read only
// by the comment form, in its own chunk.
import { PAGE_DATA_ELEMENT_ID, type ArticlePageData, type RefusedForm } from '../../../../shared/server-page';
import { useServerRender } from '../../../lib/server-render';

let inPage: { refused: RefusedForm | undefined } | undefined;

function refusedInPage(): RefusedForm | undefined {
  if (!inPage) {
    const text = typeof document === 'undefined' ? null : document.getElementById(PAGE_DATA_ELEMENT_ID)?.textContent;
    inPage = { refused: text ? (JSON.parse(text) as ArticlePageData).refusedForm : undefined };
  }
  return inPage.refused;
}

/** The refused form of this page, when it is the form answering `parentId` (null: the article). */
export function useRefusedForm(parentId: string | null): RefusedForm | undefined {
  const server = useServerRender();
  const refused = server ? server.refusedForm : refusedInPage();
  return refused && refused.parentId === parentId ? refused : undefined;
}
