/** `call(path, { token, json })`: a request to a server under test, with a bearer token and a JSON body when given. */
export type ApiCall = (path: string, init?: RequestInit & { token?: string; json?: unknown }) => Promise<Response>;

export function apiCaller(baseUrl: string): ApiCall {
  return (path, init = {}) => {
    const { token, json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return fetch(baseUrl + path, { ...rest, headers, body: json === undefined ? rest.body : JSON.stringify(json) });
  };
}
