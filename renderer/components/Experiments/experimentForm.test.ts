import { describe, expect, it } from 'vitest';
import { EXPERIMENT_TEMPLATES } from '../../../app/experiments/templates';
import { blankForm, formOfSpec, readExperimentForm } from './experimentForm';

describe('experiment form', () => {
  it('reads a template back into the same spec', () => {
    const spec = EXPERIMENT_TEMPLATES['residual-scaling'];
    const reading = readExperimentForm(formOfSpec(spec));
    expect(reading.problems).toEqual({});
    expect(reading.spec).toEqual(spec);
    expect(reading.runs).toBe(9);
  });

  it('puts the spec\'s own messages on the fields they name', () => {
    const form = blankForm();
    const reading = readExperimentForm({
      ...form,
      epochs: '0',
      seeds: '1, 1',
      variants: [{ ...form.variants[0], options: 'width=9' }, { name: 'Other', design: 'preset:nothing', options: '', training: 'optimizer=lion' }],
    });
    expect(reading.spec).toBeNull();
    expect(reading.problems.epochs).toBe('fixed.epochs: expected an integer ≥ 1, found 0');
    expect(reading.problems.seeds).toMatch(/seeds\[1\]: expected a seed not given before/);
    expect(reading.problems['variants.0.options']).toMatch(/^variants\[0\]\.options\.width: expected/);
    expect(reading.problems['variants.1.design']).toMatch(/preset:NAME with NAME one of/);
    expect(reading.problems['variants.1.training']).toMatch(/optimizer: expected one of rmsprop, sgd, adam/);
    expect(reading.runs).toBe(4);
  });

  it('says when options are not key=value pairs', () => {
    const reading = readExperimentForm({ ...blankForm(), fixedTraining: 'learningRate 0.1' });
    expect(reading.problems.fixedTraining).toBe("expected key=value pairs separated by spaces, found 'learningRate'");
  });

  it('starts a blank experiment from a run\'s design file, without preset options', () => {
    const form = blankForm('/home/me/net.incept.json', 'My net');
    expect(form.variants).toEqual([{ name: 'My net', design: '/home/me/net.incept.json', options: '', training: '' }]);
    expect(form.fixedOptions).toBe('');
    expect(readExperimentForm(form).spec?.variants[0].design).toBe('/home/me/net.incept.json');
  });
});
