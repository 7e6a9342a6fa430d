/**
 * Class labels for a network's outputs: the design's `classes` when they fit, the ImageNet
 * names for a 1000-class network (1001 with TF-slim's leading background class), otherwise
 * `class N`.
 */

const IMAGENET_CLASS_COUNT = 1000;

export async function labelsFor(classes: number, designClasses?: readonly string[]): Promise<string[]> {
  if (designClasses && designClasses.length === classes) return [...designClasses];
  if (classes === IMAGENET_CLASS_COUNT) return imagenetLabels();
  if (classes === IMAGENET_CLASS_COUNT + 1) return ['background', ...(await imagenetLabels())];
  return numberedLabels(classes);
}

function numberedLabels(classes: number): string[] {
  return Array.from({ length: classes }, (_, i) => `class ${i}`);
}

let imagenet: string[] | null = null;

async function imagenetLabels(): Promise<string[]> {
  imagenet ??= (await import('../../assets/labels/imagenet.json')).default as string[];
  return [...imagenet];
}
