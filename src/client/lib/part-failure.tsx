import { Component, type ReactNode } from 'react';
import { useCatalogue } from './i18n/language';

function ReloadNotice() {
  const t = useCatalogue();
  return (
    <div role="alert" className="query-failure">
      <p>{t.site.partFailed}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t.site.reload}
      </button>
    </div>
  );
}

/**
 * Around a part whose code loads on demand: when that code cannot be fetched (the connection
 * dropped, or a new version replaced its file), the part says so and offers a reload, instead of
 * the error unmounting the whole page. Drafts are saved as typed, so a reload loses nothing.
 */
export class PartFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <ReloadNotice /> : this.props.children;
  }
}
