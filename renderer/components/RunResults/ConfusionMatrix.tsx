import type { CSSProperties } from 'react';
import { printable } from '../../../app/text/printable';

interface ConfusionMatrixProps {
  classNames: readonly string[];
  confusion: readonly (readonly number[])[];
  /** What the counts are of: which images, which weights. */
  caption: string;
}

/** `confusion[true][predicted]` as a table; each cell's shade is its share of the true class. */
export function ConfusionMatrix({ classNames, confusion, caption }: ConfusionMatrixProps) {
  return (
    <div className="confusion">
      <p>{caption}</p>
      <table className="confusion__table" aria-label="Confusion matrix">
        <thead>
          <tr>
            <th scope="col">true ↓ / predicted →</th>
            {classNames.map((name) => (
              <th key={name} scope="col" title={printable(name)}>
                {printable(name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, truth) => {
            const total = row.reduce((sum, count) => sum + count, 0) || 1;
            return (
              <tr key={classNames[truth] ?? truth}>
                <th scope="row">{printable(classNames[truth] ?? '')}</th>
                {row.map((count, predicted) => (
                  <td
                    key={predicted}
                    className={truth === predicted ? 'confusion__cell confusion__cell--diagonal' : 'confusion__cell'}
                    style={{ '--share': count / total } as CSSProperties}
                  >
                    {count}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
