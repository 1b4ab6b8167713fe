// The treemap: one rectangle per point, area = value (negative values have no area), and,
// with a second level, each point's rectangle split by its subcategories under a caption
// naming it. "Others" (of the chart, of a category) in the muted colour. Labels are drawn
// only where the rectangle can hold them (`overflow: hidden`); the tooltip and the data
// table keep every name.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { toFont } from 'chart.js/helpers';
import type { Drawing } from './drawing';
import type { Point } from './labels';

/** Captions longer than this are cut; the tooltip keeps them whole. */
const MAX_LABEL = 40;
const cut = (s: string) => (s.length > MAX_LABEL ? s.slice(0, MAX_LABEL - 1) + '…' : s);
/** The labels' font size (chart.js's default) and the padding the plugin keeps around them. */
const FONT_SIZE = 12;
const PADDING = 3;
/** Below this many characters a cut name says nothing: the rectangle shows no label. */
const MIN_CHARS = 4;

/** One leaf of the tree: point `p`, and its child `c` (-1 on one level, or for a point without children). */
interface Leaf {
  p: string;
  c: string;
  value: number;
}

interface Ctx {
  raw?: unknown;
  dataIndex: number;
}

interface Raw {
  l?: number;
  w?: number;
  _data?: { children?: Leaf[]; p?: string };
}

export function treemapConfig(d: Drawing, base: object, plugins: Plugin[]): ChartConfiguration {
  const { theme, f } = d;
  const nested = d.points.some((p) => p.children);
  const border = theme.border ? 2 : 1;
  // The label is drawn inside the border, within the plugin's padding, one pixel spare.
  const fit = fitter(theme.font, 2 * (border + PADDING + 1));
  const tree: Leaf[] = [];
  d.points.forEach((p, i) => {
    const kids = p.children?.length ? p.children : null;
    if (!kids) tree.push({ p: String(i), c: '-1', value: area(p) });
    else kids.forEach((k, j) => tree.push({ p: String(i), c: String(j), value: area(k) }));
  });
  /** The point (and child) a rectangle stands for; a caption rectangle (level 0 of two) has no child. */
  const pick = (c: Ctx): { parent: Point | undefined; child: Point | undefined; caption: boolean; i: number } => {
    const raw = c.raw as Raw | undefined;
    const leaf = raw?._data?.children?.[0] ?? tree[c.dataIndex];
    const i = Number(leaf?.p ?? -1);
    const parent = d.points[i];
    const caption = nested && raw?.l === 0 && (parent?.children?.length ?? 0) > 0;
    const child = !caption && leaf && leaf.c !== '-1' ? parent?.children?.[Number(leaf.c)] : undefined;
    return { parent, child, caption, i };
  };
  const colour = (c: Ctx) => {
    const { parent, child, i } = pick(c);
    return parent?.others || child?.others ? theme.muted : theme.palette[i % theme.palette.length];
  };
  const shown = (c: Ctx) => {
    const { parent, child } = pick(c);
    return child ?? parent;
  };
  return {
    type: 'treemap',
    data: {
      datasets: [
        {
          tree,
          key: 'value',
          ...(nested ? { groups: ['p', 'c'] } : {}),
          label: d.config.value ?? '',
          spacing: 1,
          borderWidth: border,
          borderColor: theme.border ?? theme.background,
          backgroundColor: colour,
          captions: {
            display: true,
            color: theme.background,
            font: { family: theme.font, weight: 'bold' },
            formatter: (c: Ctx) => {
              const { parent } = pick(c);
              return parent ? `${cut(parent.label)} — ${f.number(parent.value ?? 0)}` : '';
            },
          },
          labels: {
            display: true,
            color: theme.background,
            font: { family: theme.font, size: FONT_SIZE },
            overflow: 'hidden',
            formatter: (c: Ctx) => {
              const { parent, child } = pick(c);
              // On two levels, a category without subcategories is named by its caption already.
              const p = child ?? (nested ? undefined : parent);
              return p ? fit([p.label, f.number(p.value ?? 0)], (c.raw as Raw | undefined)?.w ?? 0) : '';
            },
          },
        },
      ],
    },
    options: {
      ...base,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items: Ctx[]) => {
              if (!items[0]) return '';
              const { parent, child } = pick(items[0]);
              return child ? `${parent?.label ?? ''} › ${child.label}` : (parent?.label ?? '');
            },
            label: (c: Ctx) => f.number(shown(c)?.value ?? 0),
            afterLabel: (c: Ctx) => `${d.strings.tableRows}: ${f.number(shown(c)?.rows ?? 0)}`,
          },
        },
      },
    },
    plugins,
  } as unknown as ChartConfiguration;
}

const area = (p: Point) => Math.max(0, p.value ?? 0);

/**
 * Cuts the name to the rectangle's width (measured in the canvas font) and keeps the amount
 * only if it fits whole; nothing when the name would say too little. The plugin then hides
 * what is too tall to fit.
 */
function fitter(family: string, margin: number): (lines: string[], width: number) => string[] | '' {
  const ctx = document.createElement('canvas').getContext('2d');
  // The very font string the plugin draws with, or the canvas would measure another font.
  if (ctx) ctx.font = toFont({ family, size: FONT_SIZE }).string;
  const wide = (t: string) => (ctx ? ctx.measureText(t).width : t.length * FONT_SIZE * 0.6);
  return (lines, width) => {
    const room = width - margin;
    const out: string[] = [];
    for (const [i, line] of lines.entries()) {
      let t = line;
      // A cut amount would read as another amount: it is shown whole or not at all.
      if (i > 0 && wide(t) > room) continue;
      if (wide(t) > room) {
        let n = t.length - 1;
        while (n >= MIN_CHARS && wide(t.slice(0, n) + '…') > room) n--;
        t = n >= MIN_CHARS ? t.slice(0, n).trimEnd() + '…' : '';
      }
      if (t) out.push(t);
      else if (out.length === 0) return '';
    }
    return out.length ? out : '';
  };
}
