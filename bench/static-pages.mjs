// The baselines the app is compared with: a discussion as a server-rendered page would send it
// (the whole thread as nested HTML, no JavaScript, like Hacker News), and a page holding nothing
// but a textarea and its character counter. Both use the app's own markup and stylesheet where
// they have one, so that the browser lays out the same boxes.

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);

/** Same order as the app: top level newest first, replies oldest first. */
function childrenByParent(comments) {
  const children = new Map();
  for (const comment of comments) {
    const siblings = children.get(comment.parentId);
    if (siblings) siblings.push(comment);
    else children.set(comment.parentId, [comment]);
  }
  for (const [parentId, siblings] of children) {
    siblings.sort((a, b) => (parentId === null ? -1 : 1) * (Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id)));
  }
  return children;
}

function threadHtml(children, parentId, depth, formatDate, out) {
  const siblings = children.get(parentId);
  if (!siblings) return;
  out.push(`<ol class="comment-thread" data-indent="${depth > 0 && depth <= 5 ? 'on' : 'off'}">`);
  for (const comment of siblings) {
    const author = escapeHtml(comment.author);
    const meta = comment.parentId === null ? `<strong class="comment__author">${author}</strong> a écrit le ` : `Réponse de <strong class="comment__author">${author}</strong> le `;
    out.push(
      `<li class="comment" id="commentaire-${comment.id}"><article class="comment__card" aria-labelledby="m-${comment.id}">`,
      `<p class="comment__meta" id="m-${comment.id}">${meta}<time datetime="${comment.createdAt}">${formatDate(comment.createdAt)}</time> :</p>`,
      `<div class="comment__body" lang="fr">${escapeHtml(comment.body)}</div>`,
      `<div class="comment__actions"><a class="button button--link" href="?repondre=${comment.id}#commentaire-${comment.id}" aria-label="Répondre à ${author}">Répondre</a></div>`,
      '</article>',
    );
    threadHtml(children, comment.id, depth + 1, formatDate, out);
    out.push('</li>');
  }
  out.push('</ol>');
}

function commentFormHtml() {
  return `<form class="comment-form" method="post" aria-labelledby="reagir-heading">
<div class="comment-form__identity">
<div class="form-field"><label for="author">Pseudo</label><input id="author" name="author" autocomplete="nickname"></div>
<div class="form-field"><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email"></div>
</div>
<div class="form-field"><label for="body">Commentaire</label><textarea id="body" name="body" rows="6"></textarea></div>
<div class="comment-form__actions"><button type="submit" class="button button--primary">Envoyer</button></div>
</form>`;
}

/** The article and its whole discussion, as one HTML document. */
export function staticDiscussionPage({ article, comments, stylesheets, formatDate }) {
  const out = [
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(article.title)}</title>`,
    ...stylesheets.map((href) => `<link rel="stylesheet" href="${href}">`),
    `</head><body>`,
    `<header class="site-header"><a href="/" class="site-header__brand">Réagir</a><nav aria-label="Navigation principale"><a href="/moderation">Modération</a></nav></header>`,
    `<main id="contenu" class="page"><article class="article" lang="fr" aria-labelledby="article-title">`,
    `<header class="article__header"><h1 id="article-title">${escapeHtml(article.title)}</h1><p class="article__meta">${article.wordCount}&nbsp;mots</p></header>`,
  ];
  if (article.photo) {
    const { src, alt, width, height, caption, credit } = article.photo;
    out.push(
      `<figure class="article-photo"><img src="${src}" alt="${escapeHtml(alt)}" width="${width}" height="${height}" decoding="async">`,
      `<figcaption>${escapeHtml(caption)} <span class="article-photo__credit">(Crédits : ${escapeHtml(credit)})</span></figcaption></figure>`,
    );
  }
  out.push(`<p class="article__standfirst">${escapeHtml(article.standfirst)}</p><div class="article__body">`);
  for (const block of article.body) out.push(block.type === 'heading' ? `<h2>${escapeHtml(block.text)}</h2>` : `<p>${escapeHtml(block.text)}</p>`);
  out.push(
    `</div></article>`,
    `<section class="new-comment" aria-labelledby="reagir-heading"><h2 id="reagir-heading">Réagir</h2>${commentFormHtml()}</section>`,
    `<section class="comments" aria-labelledby="comments-heading"><h2 id="comments-heading">Commentaires (${comments.length})</h2>`,
  );
  threadHtml(childrenByParent(comments), null, 0, formatDate, out);
  out.push('</section></main></body></html>');
  return out.join('\n');
}

/** A textarea and its counter, counted as the app counts (grapheme clusters), nothing else. */
export function bareCounterPage() {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Compteur seul</title></head><body>
<label for="body">Commentaire</label>
<textarea id="body" rows="4" aria-describedby="counter"></textarea>
<p id="counter">0 / 2000</p>
<script>
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const textarea = document.getElementById('body');
const counter = document.getElementById('counter');
textarea.addEventListener('input', () => {
  let count = 0;
  for (const _ of segmenter.segment(textarea.value)) count++;
  counter.textContent = count + ' / 2000';
});
</script>
</body></html>`;
}
