import { printable } from '../../../app/text/printable';
import type { ScanReport } from '../../../app/training/types';

const MAX_PROBLEMS = 8;

/** What the dataset holds: classes and counts, and the problems found before training (names shown as text). */
export function ScanReportView({ report }: { report: ScanReport }) {
  const problems = [...report.unreadable, ...report.smallerThanInput];
  return (
    <div className="scan-report" aria-label="Dataset scan report">
      <p>
        <strong>{report.kind === 'bundled' ? 'Bundled sample' : printable(report.root)}</strong>: {report.total} images in {report.classes.length} classes
        {report.imbalance > 2 ? <span className="training-panel__warning"> — imbalanced ({report.imbalance.toFixed(1)}× largest/smallest)</span> : null}
      </p>
      <table className="scan-report__classes">
        <caption className="visually-hidden">Images per class</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Images</th>
          </tr>
        </thead>
        <tbody>
          {report.classes.map((entry) => (
            <tr key={entry.name}>
              <td>{printable(entry.name)}</td>
              <td>{entry.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.warnings.map((warning) => (
        <p key={warning} className="training-panel__warning" role="note">
          {printable(warning)}
        </p>
      ))}
      {problems.length > 0 ? (
        <details>
          <summary>
            {report.unreadable.length} unreadable, {report.smallerThanInput.length} smaller than the input
          </summary>
          <ul>
            {problems.slice(0, MAX_PROBLEMS).map((problem) => (
              <li key={problem.file}>
                <code>{printable(problem.file)}</code>: {printable(problem.problem)}
              </li>
            ))}
            {problems.length > MAX_PROBLEMS ? <li>… and {problems.length - MAX_PROBLEMS} more</li> : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
