/**
 * The newspaper article template of the preview (with article.css beside it). A TypeScript string rather than
 * an .html file so main, vitest and tsx (benchmarks) all load it the same way, without a bundler's ?raw.
 * {{name}} slots are filled with escaped text, {{{name}}} with HTML built by previewDocument.ts; the frame's
 * policy ({{{csp}}}) is PREVIEW_CSP from src/shared/security/csp.ts.
 */
export const ARTICLE_TEMPLATE = `<!doctype html>
<html lang="{{lang}}" dir="{{dir}}">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="{{{csp}}}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{{title}}</title>
    <link rel="stylesheet" href="{{stylesheet}}" />
  </head>
  <body>
    <header class="masthead">{{siteName}}</header>
    <article class="story">
      <header class="story-head">
        {{{kicker}}}
        <h1 class="headline">{{headline}}</h1>
        {{{standfirst}}}
        <p class="byline">{{{byline}}}<time datetime="{{dateIso}}">{{date}}</time></p>
      </header>
      {{{featured}}}
      <div class="story-body">{{{body}}}</div>
      {{{tags}}}
    </article>
  </body>
</html>
`;
