import { apiPaths, EnrollmentCodeIssued, EnrollResponse } from '../../shared/api/gateway';

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

/** A kiosk token from a server with no demo code: the admin issues an enrolment code, a kiosk enrolls with it. */
export async function enrollWithIssuedCode(baseUrl: string, adminToken: string, hardwareId: string): Promise<string> {
  const call = apiCaller(baseUrl);
  const issued = await call(apiPaths.adminEnrollmentCodes, { method: 'POST', token: adminToken, json: {} });
  const { enrollmentCode } = EnrollmentCodeIssued.parse(await issued.json());
  const enrolled = await call(apiPaths.enroll, { method: 'POST', json: { enrollmentCode, hardwareId } });
  return EnrollResponse.parse(await enrolled.json()).token;
}
