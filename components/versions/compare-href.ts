/** The compare page for 2–4 assets, in the given order. */
export const compareHref = (ids: string[]) => `/gallery/compare?ids=${ids.map(encodeURIComponent).join(",")}`;
