import createClient from 'openapi-fetch';
import type { paths } from '../api/openapiTypes';

// The public form's own client, without the app's session middleware: a report stays anonymous even when someone
// is logged in in this tab (no token goes with it), and a refusal never ends a session.
export const publicApi = createClient<paths>({ baseUrl: '/' });
