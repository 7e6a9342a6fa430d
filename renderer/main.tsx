/** Renderer entry: pick the host, create the editor store, mount the app. */

import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { errorMessage } from '../app/result';
import { App } from './components/App/App';
import { emptyDesign } from './documents/emptyDesign';
import { getHost } from './host/getHost';
import { defaultDeps } from './store/defaultDeps';
import { createEditorStore } from './store/editorStore';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
const store = createEditorStore(emptyDesign(), defaultDeps);
try {
  const host = getHost();
  createRoot(root).render(
    <StrictMode>
      <App store={store} host={host} />
    </StrictMode>,
  );
} catch (error) {
  // Opened without a host (e.g. the web address without its token): say so instead of a blank page.
  root.textContent = errorMessage(error);
  root.className = 'no-host';
}
