import { useCallback, useEffect, useRef } from 'react';
import { dataOf } from '../../api/problem';
import { altchaPayload, solveChallenge } from '../proofOfWork';
import { publicApi } from '../publicApi';

const solvedPayload = async (): Promise<string> => {
  const challenge = dataOf(await publicApi.GET('/api/public/intake/challenge'));
  return altchaPayload(challenge, await solveChallenge(challenge));
};

// The proof of work is solved in the background while the report is written, as ALTCHA's widget does, so a slow
// phone has little left to do on sending. Each solution is accepted once: `take` hands over the one prepared
// (or a new one when it failed) and `prepare` starts the next.
export const useProofOfWork = () => {
  const pending = useRef<Promise<string> | null>(null);
  const prepare = useCallback(() => {
    if (pending.current) return;
    const next = solvedPayload();
    // A failure here is met again by `take`, which then tries anew.
    next.catch(() => undefined);
    pending.current = next;
  }, []);
  const take = useCallback(async (): Promise<string> => {
    const prepared = pending.current;
    pending.current = null;
    if (prepared) {
      try {
        return await prepared;
      } catch {
        // The challenge could not be fetched or solved in the background (offline then, say): once more now.
      }
    }
    return solvedPayload();
  }, []);
  useEffect(() => prepare(), [prepare]);
  return { prepare, take };
};
