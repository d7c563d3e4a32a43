import type { Article } from '../../shared/domain/article';
import { publishableBody } from '../../shared/editor/reviewMarks';
import { bodyToHtml } from '../content/bodyHtml';
import { bodyText } from '../search/searchText';

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const PUBSTATUS: Record<Article['status'], 'usable' | 'withheld' | 'canceled'> = {
  draft: 'withheld',
  submitted: 'withheld',
  in_copy_edit: 'withheld',
  approved: 'withheld',
  scheduled: 'withheld',
  published: 'usable',
  spiked: 'canceled',
};

/** An article as IPTC ninjs 2.0 (the news industry's JSON for news items). */
export function toNinjs(article: Article): Record<string, unknown> {
  // A partner's copy carries no review markup (as on the site).
  const html = bodyToHtml(publishableBody(article.body));
  const text = bodyText(article.body);
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const item: Record<string, unknown> = {
    uri: `urn:redac:article:${article.id}`,
    type: 'text',
    profile: 'redac-article',
    version: String(article.revision),
    firstcreated: iso(article.createdAt),
    versioncreated: iso(article.updatedAt),
    pubstatus: PUBSTATUS[article.status],
    language: article.language,
    headlines: [
      { role: 'main', value: article.headline, contenttype: 'text/plain' },
      ...(article.kicker ? [{ role: 'kicker', value: article.kicker, contenttype: 'text/plain' }] : []),
    ],
    bodies: [
      { role: 'main', contenttype: 'text/html', value: html, charcount: text.length, wordcount: words },
    ],
  };
  if (article.standfirst) {
    item.descriptions = [{ role: 'summary', contenttype: 'text/plain', value: article.standfirst }];
  }
  if (article.slug) item.slugline = article.slug;
  if (article.authors.length > 0) {
    item.by = article.authors.map((a) => a.name).join(', ');
    item.people = article.authors.map((a) => ({
      name: a.name,
      rel: 'author',
      uri: `urn:redac:author:${a.slug}`,
    }));
  }
  const subjects = [
    ...(article.section
      ? [{ name: article.section.name, rel: 'section', uri: `urn:redac:section:${article.section.slug}` }]
      : []),
    ...article.tags.map((t) => ({ name: t.name, rel: 'tag', uri: `urn:redac:tag:${t.slug}` })),
  ];
  if (subjects.length > 0) item.subjects = subjects;
  if (article.featuredImage) {
    const image = article.featuredImage;
    item.associations = {
      featureimage: {
        uri: `urn:redac:media:${image.mediaId}`,
        type: 'picture',
        ...(image.caption
          ? { descriptions: [{ role: 'caption', contenttype: 'text/plain', value: image.caption }] }
          : {}),
        ...(image.credit ? { copyrightnotice: image.credit } : {}),
        ...(image.alt ? { altids: undefined } : {}),
      },
    };
  }
  return JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
}
