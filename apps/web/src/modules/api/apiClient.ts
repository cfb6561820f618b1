import createClient, { type Middleware } from 'openapi-fetch';
import { sessionStore } from '../session/sessionStore';
import type { paths } from './openapiTypes';

// The token of the session on every call; a 401 ends the session, and the page behind the login sends the person
// to log in again, remembering where they were.
const auth: Middleware = {
  onRequest: ({ request }) => {
    const session = sessionStore.get();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse: ({ response }) => {
    if (response.status === 401 && sessionStore.get()) sessionStore.end('expired');
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '/' });
api.use(auth);
