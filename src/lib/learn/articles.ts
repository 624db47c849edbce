/**
 * The articles in reading order, with what the index and the article pages need from each.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { catalogFigure } from './catalogFigures';

export type Article = CollectionEntry<'learn'>;

export async function articlesInOrder(): Promise<Article[]> {
  const all = await getCollection('learn');
  const seen = new Map<number, string>();
  for (const a of all) {
    const other = seen.get(a.data.order);
    if (other) throw new Error(`Articles "${other}" and "${a.id}" both have order ${a.data.order}`);
    seen.set(a.data.order, a.id);
  }
  return all.sort((a, b) => a.data.order - b.data.order);
}

export interface SourceLine {
  /** What the source backs: the catalog figure's label and value, or nothing for a general source. */
  figure?: string;
  title: string;
  url?: string;
  asOf: string;
  trust?: string;
  note?: string;
}

const TRUST_WORDS: Record<string, string> = { vendor: 'vendor documentation or code', secondary: 'secondary source', weak: 'weak: an estimate to replace with your own figure', user: 'your figure' };

/** An article's sources as listed at its end. Catalog sources carry the figure and its trust. */
export function sourceLines(article: Article): SourceLine[] {
  return article.data.sources.map((s) => {
    if ('catalog' in s) {
      const entry = catalogFigure(s.catalog, {}, true);
      return {
        figure: `${entry.entry.label}${entry.text ? `: ${entry.text}` : ''}`,
        title: entry.entry.source.title,
        url: entry.entry.source.url,
        asOf: entry.entry.asOf,
        trust: TRUST_WORDS[entry.entry.trust] ?? entry.entry.trust,
        note: entry.entry.note,
      };
    }
    return { title: s.title, url: s.url, asOf: s.asOf, note: s.note };
  });
}

export function formatDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
