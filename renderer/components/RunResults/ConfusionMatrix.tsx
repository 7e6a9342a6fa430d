import type { CSSProperties } from 'react';
import type { EvaluationReport } from '../../../app/training/types';

/** `confusion[true][predicted]` as a table; each cell's shade is its share of the true class. */
export function ConfusionMatrix({ report, dataset }: { report: EvaluationReport; dataset: string }) {
  const { classNames, confusion } = report;
  return (
    <div className="confusion">
      <p>
        Evaluated on {dataset} (every image, centre crops): {report.images} images · top-1 {(report.top1 * 100).toFixed(1)}% · top-5 {(report.top5 * 100).toFixed(1)}% · loss {report.loss.toFixed(3)}
      </p>
      <table className="confusion__table" aria-label="Confusion matrix">
        <thead>
          <tr>
            <th scope="col">true ↓ / predicted →</th>
            {classNames.map((name) => (
              <th key={name} scope="col" title={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, truth) => {
            const total = row.reduce((sum, count) => sum + count, 0) || 1;
            return (
              <tr key={classNames[truth] ?? truth}>
                <th scope="row">{classNames[truth]}</th>
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
