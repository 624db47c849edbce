import { expect, test } from 'vitest';
import { linkGlossaryTerms, type MdNode } from '../src/lib/learn/remarkGlossary';
import type { GlossaryTerm } from '../src/lib/learn/glossary';

const terms: GlossaryTerm[] = [
  { id: 'hypervisor', term: 'Hypervisor', match: ['hypervisor', 'hypervisors'], definition: 'x' },
  { id: 'ose', term: 'OSE', match: ['OSE', 'OSEs'], exactCase: true, definition: 'x' },
  { id: 'containerd', term: 'containerd', match: ['containerd'], exactCase: true, definition: 'x' },
  { id: 'shim', term: 'Shim', match: ['shim', 'containerd-shim'], definition: 'x' },
];
const text = (value: string): MdNode => ({ type: 'text', value });
const para = (...children: MdNode[]): MdNode => ({ type: 'paragraph', children });

function linksIn(tree: MdNode): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (n: { type?: string; url?: string; children?: unknown[] }) => {
    if (n.type === 'link') out.push([n.url!, (n.children as Array<{ value: string }>)[0]!.value]);
    for (const c of n.children ?? []) walk(c as never);
  };
  walk(tree);
  return out;
}

test('links only the first use of each term, keeping the surrounding text', () => {
  const tree: MdNode & { children: MdNode[] } = { type: 'root', children: [para(text('A Hypervisor runs VMs. Another hypervisor, more OSEs.')), para(text('The hypervisor again.'))] };
  expect(linkGlossaryTerms(tree, { terms })).toEqual(['hypervisor', 'ose']);
  expect(linksIn(tree)).toEqual([
    ['/learn/glossary/#hypervisor', 'Hypervisor'],
    ['/learn/glossary/#ose', 'OSEs'],
  ]);
  const first = tree.children[0]!.children!;
  expect(first.map((c) => c.value ?? c.type)).toEqual(['A ', 'link', ' runs VMs. Another hypervisor, more ', 'link', '.']);
});

test('whole words only, exact case where asked, and the longest spelling wins', () => {
  const tree: MdNode = { type: 'root', children: [para(text('hypervisorless ose Containerd; the containerd-shim process'))] };
  linkGlossaryTerms(tree, { terms });
  expect(linksIn(tree)).toEqual([['/learn/glossary/#shim', 'containerd-shim']]);
});

test('leaves headings, links, code and components alone', () => {
  const tree: MdNode = {
    type: 'root',
    children: [
      { type: 'heading', children: [text('The hypervisor')] },
      para({ type: 'link', url: '/x', children: [text('hypervisor')] }, { type: 'inlineCode', value: 'hypervisor' }),
      { type: 'mdxJsxFlowElement', name: 'Chart', children: [para(text('hypervisor'))] },
      { type: 'mdxJsxFlowElement', name: 'summary', children: [text('hypervisor')] },
      para(text('Now the hypervisor.')),
    ],
  };
  linkGlossaryTerms(tree, { terms });
  expect(linksIn(tree)).toEqual([
    ['/x', 'hypervisor'],
    ['/learn/glossary/#hypervisor', 'hypervisor'],
  ]);
});
