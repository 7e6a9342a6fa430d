import type { ImagePrediction } from '../../../app/protocol';
import type { PredictionImage } from '../../store/runStore';
import { printable } from '../../../app/text/printable';

interface PredictionResultsProps {
  images: readonly PredictionImage[];
  results: readonly ImagePrediction[];
}

/** Each image's thumbnail beside its top classes as probability bars. */
export function PredictionResults({ images, results }: PredictionResultsProps) {
  return (
    <ul className="prediction-results" aria-label="Predictions">
      {results.map((result, index) => {
        const preview = images[index]?.preview ?? null;
        return (
          <li key={`${result.image}-${index}`} className="prediction-result">
            {preview ? <img className="prediction-result__thumbnail" src={preview} alt={printable(result.image)} /> : <div className="prediction-result__thumbnail" aria-hidden="true" />}
            <div className="prediction-result__body">
              <h4 className="prediction-result__name">{printable(result.image)}</h4>
              {result.error ? (
                <p role="alert" className="training-panel__error">
                  {printable(result.error)}
                </p>
              ) : (
                <ol className="prediction-result__classes" aria-label={`Top classes for ${printable(result.image)}`}>
                  {result.top.map((entry) => (
                    <li key={entry.classIndex} className="prediction-class">
                      <span className="prediction-class__label">{printable(entry.label)}</span>
                      <span className="prediction-class__bar" aria-hidden="true">
                        <span style={{ width: `${Math.max(0.5, entry.probability * 100)}%` }} />
                      </span>{' '}
                      <span className="prediction-class__value">{(entry.probability * 100).toFixed(1)}%</span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
