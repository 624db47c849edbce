/**
 * A remark plugin for the articles: links the first use of each glossary term in an article's prose
 * to its entry on /learn/glossary. Headings, links, code, and the contents of components (charts,
 * figures, diagrams) are left alone, so a term is linked where a reader first meets it in a sentence.
 */
import { GLOSSARY, type GlossaryTerm } from './glossary';

export interface MdNode {
  type: string;
  value?: string;
  name?: string | null;
  url?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

/** Nodes whose text is never linked. */
const SKIP_TYPES = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'definition', 'yaml']);
/** HTML elements written in an article whose text is never linked. */
const SKIP_ELEMENTS = new Set(['a', 'code', 'pre', 'summary', 'svg', 'abbr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Matcher {
  term: GlossaryTerm;
  re: RegExp;
}

function matcherFor(term: GlossaryTerm): Matcher {
  // Longest spelling first, so "containerd-shim" wins over "shim" at the same place.
  const alts = [...term.match].sort((a, b) => b.length - a.length).map(escape);
  return { term, re: new RegExp(`(?<![\\w-])(?:${alts.join('|')})(?![\\w-])`, term.exactCase ? 'g' : 'gi') };
}

export interface GlossaryLinkOptions {
  terms?: readonly GlossaryTerm[];
  base?: string;
}

/** Links first uses in one tree; exported for tests. Returns the ids linked, in order. */
export function linkGlossaryTerms(tree: MdNode, opts: GlossaryLinkOptions = {}): string[] {
  const base = opts.base ?? '/learn/glossary/';
  let pending: Matcher[] = (opts.terms ?? GLOSSARY).map(matcherFor);
  const linked: string[] = [];

  const splitText = (text: string): MdNode[] => {
    const out: MdNode[] = [];
    let rest = text;
    for (;;) {
      let best: { m: Matcher; index: number; len: number } | null = null;
      for (const m of pending) {
        m.re.lastIndex = 0;
        const hit = m.re.exec(rest);
        if (hit && (!best || hit.index < best.index || (hit.index === best.index && hit[0].length > best.len))) best = { m, index: hit.index, len: hit[0].length };
      }
      if (!best) break;
      if (best.index > 0) out.push({ type: 'text', value: rest.slice(0, best.index) });
      const word = rest.slice(best.index, best.index + best.len);
      out.push({
        type: 'link',
        url: `${base}#${best.m.term.id}`,
        children: [{ type: 'text', value: word }],
        data: { hProperties: { className: ['term'], 'data-term': best.m.term.id, title: `Glossary: ${best.m.term.term}` } },
      });
      linked.push(best.m.term.id);
      pending = pending.filter((p) => p !== best!.m);
      rest = rest.slice(best.index + best.len);
    }
    if (rest) out.push({ type: 'text', value: rest });
    return out;
  };

  const walk = (node: MdNode): void => {
    if (!node.children || pending.length === 0) return;
    const next: MdNode[] = [];
    for (const child of node.children) {
      if (child.type === 'text' && child.value && pending.length) {
        next.push(...splitText(child.value));
        continue;
      }
      next.push(child);
      if (SKIP_TYPES.has(child.type)) continue;
      if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
        const name = child.name ?? '';
        // Components (capitalised) render their own content; some HTML elements are never linked.
        if (!name || /^[A-Z]/.test(name) || SKIP_ELEMENTS.has(name)) continue;
      }
      walk(child);
    }
    node.children = next;
  };
  walk(tree);
  return linked;
}

/** The plugin itself: `mdx({ remarkPlugins: [remarkGlossary] })`. */
export function remarkGlossary(opts: GlossaryLinkOptions = {}) {
  // The tree is mdast; this plugin reads only the fields MdNode names.
  return (tree: object) => {
    linkGlossaryTerms(tree as MdNode, opts);
  };
}
