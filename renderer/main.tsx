import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n.ts';
import { createApiClient } from './api/client.ts';
import { chooseTransport } from './api/chooseTransport.ts';
import { App } from './App.tsx';
import { StoreProvider } from './store/StoreProvider.tsx';
import { createStores, startStores } from './store/stores.ts';
import './styles/tokens.css';
import './styles/base.css';

const stores = createStores(createApiClient(chooseTransport()));
startStores(stores);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider stores={stores}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
