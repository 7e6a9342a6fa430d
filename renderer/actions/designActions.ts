/** Actions on the design-wide settings: the input size and the class count. */

import { withClasses, withInput } from '../../app/design/designSettings';
import type { DesignInput } from '../../app/design/types';
import type { Action } from './types';

export const setInputAction: Action<Partial<DesignInput>> = {
  name: 'setInput',
  label: 'Set input size',
  perform(view, input) {
    const document = withInput(view.document, input);
    // Typing into one field is one undo step; a fix button (both sides at once) is its own.
    return document === view.document ? null : { document, coalesce: `input:${Object.keys(input).join(',')}` };
  },
};

/** The user accepted a run's resize of the classifier: its own undo step, never merged with typing. */
export const acceptClassifierResizeAction: Action<number> = {
  name: 'acceptClassifierResize',
  label: 'Resize classifier',
  perform(view, classes) {
    const document = withClasses(view.document, classes);
    return document === undefined || document === view.document ? null : { document };
  },
};

export const setClassesAction: Action<number> = {
  name: 'setClasses',
  label: 'Set class count',
  perform(view, classes) {
    const document = withClasses(view.document, classes);
    return document === undefined || document === view.document ? null : { document, coalesce: 'classes' };
  },
};
