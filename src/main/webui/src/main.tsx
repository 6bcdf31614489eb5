import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { configureApi } from './api/http';
import './styles.css';

configureApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
