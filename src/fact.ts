/**
 * How sure we are of a fact: `DOC` CallRail's own docs, `DOC*` a transcription of them, `LIVE`
 * observed on the live API by a third party, `CODE` used by open-source clients, `INF` our
 * inference. Nothing was tested on a live account until `npm run smoke`.
 */
export type Confidence = 'DOC' | 'DOC*' | 'LIVE' | 'CODE' | 'INF';

export interface Fact {
  tag: Confidence;
  /** The fact, as `npm run smoke` prints it. */
  says: string;
  /** What in the app relies on it: printed when CallRail answers otherwise. */
  reliedOnBy: string;
}

export const fact = (tag: Confidence, says: string, reliedOnBy: string): Fact => ({
  tag,
  says,
  reliedOnBy,
});
