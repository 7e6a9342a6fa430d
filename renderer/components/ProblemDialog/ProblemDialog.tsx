import { memo } from 'react';
import type { OpenProblem } from '../../store/editorStore';
import { useEditor } from '../../hooks/useEditor';
import { useFocusTrap } from '../../hooks/useFocusTrap';
import './ProblemDialog.css';

/** Why a file could not be opened or saved, issue by issue; the document is unchanged. */
function ProblemDialogView() {
  const problem = useEditor((s) => s.problem);
  return problem ? <ProblemPanel problem={problem} /> : null;
}

function ProblemPanel({ problem }: { problem: OpenProblem }) {
  const setProblem = useEditor((s) => s.setProblem);
  const dialog = useFocusTrap<HTMLDivElement>({ onEscape: () => setProblem(null), initialFocus: '.problem-dialog__close' });
  return (
    <div className="modal problem-dialog" role="alertdialog" aria-modal="true" aria-label={problem.title} ref={dialog}>
      <div className="modal__panel problem-dialog__panel">
        <h2 className="problem-dialog__title">{problem.title}</h2>
        {problem.issues.length > 0 ? (
          <table className="problem-dialog__issues" aria-label="Problems in the file">
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Expected</th>
                <th scope="col">Found</th>
              </tr>
            </thead>
            <tbody>
              {problem.issues.map((issue, index) => (
                <tr key={`${issue.path}-${index}`}>
                  <td>{issue.path || '(document)'}</td>
                  <td>{issue.expected}</td>
                  <td>{issue.found}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <pre className="problem-dialog__message">{problem.message}</pre>
        )}
        <p className="problem-dialog__note">Nothing was changed.</p>
        <button type="button" className="dialog-button problem-dialog__close" onClick={() => setProblem(null)}>
          Close
        </button>
      </div>
    </div>
  );
}

export const ProblemDialog = memo(ProblemDialogView);
