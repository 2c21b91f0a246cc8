import './i18n';
// Every stylesheet, statically and in this order: later rules override earlier ones, and a
// lazily loaded file would land at the end of the cascade.
import './ui/tokens.css';
import './ui/base.css';
import './features/forum/forum.css';
import './features/groups/groups.css';
import './ui/writing.css';
import './features/profiles/me.css';
import './ui/compact-navigation.css';
import './features/home/home.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ApiProblem } from './api/transport';
import { PreferencesProvider } from './preferences';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiProblem && error.status >= 400) && count < 2,
      refetchOnWindowFocus: false,
    },
    mutations: { networkMode: 'always' },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <PreferencesProvider>
          <App />
        </PreferencesProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
