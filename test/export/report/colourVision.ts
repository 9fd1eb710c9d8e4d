/**
 * Colours as readers see them, for the tests of the charts' colours: sRGB channels of a palette colour
 * string, WCAG's contrast against white, CIELAB after a simulated colour-vision deficiency (Machado,
 * Oliveira & Fernandes 2009, severity 1), and `closestSeen`, the least CIE76 distance of two colour
 * sets under normal vision and each deficiency.
 */

/** A colour string of the palette (#rrggbb or hsl(h, s%, l%)) as sRGB channels 0..1 (HSL by the classic hue-to-RGB steps, not the code's CSS Color 4 formula). */
export function rgbOf(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/u.exec(colour);
  if (hex !== null) return [1, 2, 3].map((i) => parseInt(hex[i]!, 16) / 255) as [number, number, number];
  const [h, s, l] = /^hsl\(([\d.]+), (\d+)%, ([\d.]+)%\)$/u.exec(colour)!.slice(1).map(Number) as [number, number, number];
  const q = l < 50 ? (l / 100) * (1 + s / 100) : l / 100 + s / 100 - (l / 100) * (s / 100);
  const p = (2 * l) / 100 - q;
  const hue = (t: number): number => {
    const u = ((t % 1) + 1) % 1;
    return u < 1 / 6 ? p + (q - p) * 6 * u : u < 1 / 2 ? q : u < 2 / 3 ? p + (q - p) * (2 / 3 - u) * 6 : p;
  };
  return [hue(h / 360 + 1 / 3), hue(h / 360), hue(h / 360 - 1 / 3)];
}

const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number): number => { const v = Math.min(1, Math.max(0, c)); return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055; };

/** WCAG 2.1: (1 + 0.05) / (L + 0.05) against white, L the relative luminance. */
export function contrast(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

/** Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB. */
export const DEFICIENCIES: Record<string, number[][]> = {
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

/** CIELAB (D65) of an sRGB colour, after `matrix` (a simulated deficiency) if given. */
export function lab(rgb: [number, number, number], matrix?: number[][]): [number, number, number] {
  let linear = rgb.map(toLinear);
  if (matrix !== undefined) linear = matrix.map((row) => toLinear(toGamma(row[0]! * linear[0]! + row[1]! * linear[1]! + row[2]! * linear[2]!)));
  const [r, g, b] = linear as [number, number, number];
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const [fx, fy, fz] = xyz.map((t) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116)) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** The least CIE76 distance between a colour of `some` and one of `others` (distinct pairs when the two are one list), per vision. */
export function closestSeen(some: readonly string[], others: readonly string[]): Record<string, number> {
  const closest: Record<string, number> = {};
  for (const [name, matrix] of [['normal vision', undefined], ...Object.entries(DEFICIENCIES)] as const) {
    let least = Infinity;
    for (const a of some) for (const b of others) if (a !== b) least = Math.min(least, Math.hypot(...lab(rgbOf(a), matrix).map((v, k) => v - lab(rgbOf(b), matrix)[k]!)));
    closest[name] = least;
  }
  return closest;
}
