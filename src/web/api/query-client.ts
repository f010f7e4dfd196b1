import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.ts';
import { meKey } from '../modules/auth/auth.api.ts';
import { i18n } from '../i18n/i18n.ts';

/**
 * A session can end while a page is open (idle timeout, "sign out other devices"). Any answer
 * `auth.unauthenticated` then marks the user signed out, and RequireUser sends them to sign in
 * with a way back to where they were.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'auth.unauthenticated') client.setQueryData(meKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // A 4xx will answer the same on retry; a network hiccup may not.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
    },
  });
  // The server says its reasons, errors and notifications in the language each request asks
  // for: after a switch, what is cached in the old language is fetched again.
  let language = i18n.language;
  i18n.on('languageChanged', (next: string) => {
    if (next === language) return;
    language = next;
    void client.invalidateQueries();
  });
  return client;
}
