/** Where the REST API serves a library file (GET with the same bearer token): each name segment percent-encoded, so `?`, `#` and `%` stay in the name. */
export const downloadPath = (name: string) => `/api/files/${name.split("/").map(encodeURIComponent).join("/")}`;
