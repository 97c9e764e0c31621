/** Slugs for IRIs: lowercase, ASCII where the script allows, words joined by hyphens. */

/** Turns a name into an IRI-safe slug ("Prime Minister of Canada" → "prime-minister-of-canada"). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // strip combining marks: "Québec" → "quebec"
    .toLowerCase()
    .replace(/['’`]/g, '') // "Canada's" → "canadas", not "canada-s"
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'x' : slug;
}
