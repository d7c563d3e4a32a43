import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/ipc/contract';
import type { Services } from '../core/services';
import { PULL_STATUSES } from '../publishing/pull';

/** The handler table's type comes from the contract: a missing or mistyped handler does not compile. */
export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** Binds each channel to its service. The only place besides the transports that knows channel names. */
export function createHandlers(services: Services): Handlers {
  const { articles, terms, info, sites, preview, sync, outbox, conflicts, puller } = services;
  return {
    'app:info': () => info(),
    'articles:list': ({ limit }) => articles.list(limit),
    'articles:get': ({ id }) => articles.get(id),
    'articles:create': ({ language }) => articles.create(language),
    'articles:save': (input) => articles.save(input),
    'terms:list': ({ kind, query, limit }) => terms.list(kind, query, limit),
    'terms:create': ({ kind, name }) => terms.ensure(kind, name),
    'sites:list': () => ({ sites: sites.list(), credentials: sites.credentialInfo() }),
    'sites:add': (input) => sites.add(input),
    'sites:remove': ({ id }) => (sites.remove(id), {}),
    'sites:setPassword': ({ id, password }) => sites.setPassword(id, password),
    'sites:check': (input) => sites.check(input),
    'sites:test': ({ id }) => sites.test(id),
    'preview:render': ({ id, stylesheet }) => preview.render(id, stylesheet),
    'sync:publications': ({ articleId }) => sync.publications(articleId),
    'sync:enqueue': ({ articleId, siteId, action, scheduledAt, acceptWarnings }) =>
      sync.enqueue(articleId, siteId, action, { scheduledAt, acceptWarnings }),
    'sync:overview': () => outbox.overview(),
    'sync:operations': ({ articleId }) => outbox.ofArticle(articleId),
    'sync:retry': ({ id }) => outbox.retry(id),
    'sync:cancel': ({ id }) => outbox.cancel(id),
    'sync:pull': ({ siteId, statuses, search }) =>
      puller.pull(siteId, { statuses: statuses.length ? statuses : PULL_STATUSES, search }),
    'sync:conflict': ({ articleId, siteId }) => conflicts.show(articleId, siteId),
    'sync:resolve': async ({ articleId, siteId, take }) => (
      await conflicts.resolve(articleId, siteId, take),
      {}
    ),
  };
}
