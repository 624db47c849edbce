/**
 * The explainer articles: MDX files in content/learn, one per article, read in `order`.
 * The schema is strict so a missing description, date or source fails the build.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { hasCatalogEntry } from './lib/learn/catalogFigures';

const catalogSource = z.object({
  /** A catalog id: the article cites the figure the model uses, with its source and date. */
  catalog: z.string().refine(hasCatalogEntry, { message: 'is not an id in the kernelcount catalog' }),
});
const externalSource = z.object({
  title: z.string().min(3),
  url: z.string().url().optional(),
  /** When the source said it: YYYY, YYYY-MM or YYYY-MM-DD. */
  asOf: z.string().regex(/^\d{4}(-\d{2}){0,2}$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'),
  note: z.string().optional(),
});

const learn = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/learn' }),
  schema: z.object({
    title: z.string().min(5).max(90),
    description: z.string().min(40).max(220),
    /** Position in the reading order, 1 first. */
    order: z.number().int().positive(),
    updated: z.coerce.date(),
    /** Which points of the topic list (1-17) the article covers. */
    covers: z.array(z.number().int().min(1).max(17)).min(1),
    /**
     * The scenario "Try it in the calculator" opens: `example:<name>` for one of the package's
     * examples, or a path under content/learn (`scenarios/<name>.yaml`).
     */
    calculator: z.string().regex(/^(example:[a-z0-9-]+|scenarios\/[a-z0-9-]+\.(yaml|json))$/, 'expected example:<name> or scenarios/<name>.yaml'),
    /** What the calculator link starts from, in a few words: "40 Linux microservices on five hosts". */
    calculatorLabel: z.string().min(5),
    sources: z.array(z.union([catalogSource, externalSource])).min(1),
  }),
});

export const collections = { learn };
