// A comment form posted without JavaScript and refused comes back from the server open, with
// what was typed and each error (src/server/form-posts.ts). The server renders it from its
// request; the browser finds the same in the page's data, so that hydration matches. Read only
// by the comment form, in its own chunk.
import type { RefusedForm } from '../../../../shared/server-page';
import { renderedPageData } from '../../../lib/rendered-page';
import { useServerRender } from '../../../lib/server-render';

/** The refused form of this page, when it is the form answering `parentId` (null: the article). */
export function useRefusedForm(parentId: string | null): RefusedForm | undefined {
  const server = useServerRender();
  const refused = server ? server.refusedForm : renderedPageData()?.refusedForm;
  return refused && refused.parentId === parentId ? refused : undefined;
}
