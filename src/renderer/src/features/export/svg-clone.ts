/**
 * Serializes the live topology <svg> as a standalone file: every element carries its computed
 * style inline (CSS variables and color-mix resolved), CSS transforms become `transform`
 * attributes, and the Noto Sans KR subsets the text needs are embedded — so the file renders the
 * same in a browser, Inkscape or a slide tool on a machine without the app.
 */
import { plainColor } from './css-color';
import { embeddedFontCss } from './font-embed';
import { inlineStyle, matrixAttribute } from './svg-style';
import { svgDocument } from './svg-document';

/** Attributes that only mean something inside the app (classes point at a stylesheet the file lacks). */
const APP_ONLY = /^(class|style|role|tabindex|aria-.*|data-testid|on.*)$/;

export type Background = 'transparent' | 'themed';

export interface SerializedSvg {
  text: string;
  width: number;
  height: number;
}

function isTransparent(color: string): boolean {
  return color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);
}

/** The app's themed background at `el` (its own, else the nearest ancestor's that is painted). */
export function themedBackground(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const color = plainColor(getComputedStyle(at).backgroundColor);
    if (!isTransparent(color)) return color;
  }
  return 'rgb(255, 255, 255)';
}

function localMatrix(el: SVGGraphicsElement): string | undefined {
  const own = el.getCTM();
  const parent = (el.parentNode as SVGGraphicsElement | null)?.getCTM?.();
  if (!own || !parent) return undefined;
  return matrixAttribute(parent.inverse().multiply(own));
}

function copyElement(el: Element, parentStyle: CSSStyleDeclaration): Element | undefined {
  const style = getComputedStyle(el);
  if (style.display === 'none') return undefined;
  const out = el.cloneNode(false) as Element;
  // Attributes naming CSS variables (fill="var(--topo-line)") mean nothing standalone: the
  // resolved value is in the inline style written below.
  for (const name of el.getAttributeNames()) if (APP_ONLY.test(name) || el.getAttribute(name)!.includes('var(--')) out.removeAttribute(name);
  const css = inlineStyle((p) => style.getPropertyValue(p), (p) => parentStyle.getPropertyValue(p));
  if (css) out.setAttribute('style', css);
  if (style.transform !== 'none' && el instanceof SVGGraphicsElement) {
    // The CTM already folds in transform-origin and CSS transitions in flight.
    const matrix = localMatrix(el);
    if (matrix) out.setAttribute('transform', matrix);
    else out.removeAttribute('transform');
  }
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out.appendChild(child.cloneNode(false));
    else if (child instanceof Element) {
      const copy = copyElement(child, style);
      if (copy) out.appendChild(copy);
    }
  }
  return out;
}

/** The topology as a standalone SVG document of the element's on-screen size, as shown. */
export async function serializeTopology(svg: SVGSVGElement, background: Background, title: string): Promise<SerializedSvg> {
  const box = svg.getBoundingClientRect();
  const rootStyle = getComputedStyle(svg);
  const serializer = new XMLSerializer();
  const content: string[] = [];
  for (const child of svg.children) {
    const copy = copyElement(child, rootStyle);
    if (copy) content.push(serializer.serializeToString(copy));
  }
  const fontCss = await embeddedFontCss(`${title} ${svg.textContent ?? ''}`);
  const text = svgDocument({
    width: box.width,
    height: box.height,
    fontCss,
    background: background === 'themed' ? themedBackground(svg) : undefined,
    rootStyle: inlineStyle((p) => rootStyle.getPropertyValue(p), undefined),
    content: content.join(''),
    title,
  });
  return { text, width: box.width, height: box.height };
}
