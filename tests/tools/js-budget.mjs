// The article page's JavaScript budget, in one place for the two checks that hold it: the build
// check (what index.html loads at once) and the browser test on the real server (everything the
// page fetches before the reader does anything, lazy chunks included). Gzip level 9, as served.
export const JS_BUDGET_GZIP_BYTES = 90 * 1024;
