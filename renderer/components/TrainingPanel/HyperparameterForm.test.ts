/** The training form's fields come from the core: rendered (server-side, in Node) with one more optimizer and setting in the core, it offers both. */

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ADDED } from '../../../app/training/testing/extendedCore';
import { HyperparameterForm } from './HyperparameterForm';

vi.mock('../../../app/training/hyperparameters', async (importOriginal) => {
  const { extendedHyperparameters } = await import('../../../app/training/testing/extendedCore');
  return extendedHyperparameters(await importOriginal());
});

describe('HyperparameterForm', () => {
  const html = renderToStaticMarkup(createElement(HyperparameterForm, { disabled: false }));

  it('offers every optimizer of the core, an added one included', () => {
    const options = [...html.matchAll(/<option value="([^"]+)"/g)].map((match) => match[1]);
    expect(options).toEqual(['rmsprop', 'sgd', 'adam', ADDED.optimizer]);
  });

  it('shows a field for every hyperparameter of the core, with its label, explanation and range', () => {
    expect(html).toContain('>Warm-up epochs</label>');
    expect(html).toContain('Epochs at a rising learning rate before the schedule starts.');
    expect(html).toMatch(/<input[^>]*type="number"[^>]*step="1"[^>]*min="0"[^>]*max="10"/);
    expect(html.match(/type="number"/g)).toHaveLength(15);
  });
});
