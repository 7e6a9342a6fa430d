/** What a run folder's `run.json` says it is: written by the trainer and by an exported `train.py`, checked by the reader. */
export const RUN_RECORD_FORMAT = 'inception-studio/run';
