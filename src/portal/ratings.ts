import type { Actor } from '../auth/policy.js';
import { isUniqueViolation } from '../db/errors.js';
import { changeDossier } from '../dossiers/index.js';
import { BadRequest, Conflict, NotFound } from '../errors.js';
import { isFinished } from '../vocabulary/statuses.js';
import type { PortalContext } from './context.js';
import { ratingView, type RatingView } from './views.js';

export interface RatingInput {
  score: number;
  comment?: string | undefined;
}

const alreadyRated = () => new Conflict('already-rated', 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.');

/** The citizen who submitted a dossier rates it once its result is ready or returned; once per dossier, logged. */
export async function rate(ctx: PortalContext, citizen: Actor, code: string, input: RatingInput): Promise<RatingView> {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5)
    throw new BadRequest('invalid-score', 'Điểm đánh giá là số nguyên từ 1 đến 5.');
  const row = await ctx.repo.byCode(code);
  if (!row || (await ctx.store.citizenOf(row.id)) !== citizen.id) {
    throw new NotFound('unknown-dossier', `Không tìm thấy hồ sơ mã "${code}" trong các hồ sơ bạn đã nộp.`);
  }
  const comment = input.comment?.trim() || null;
  try {
    await changeDossier(ctx, { code }, citizen, async (trx, dossier, at) => {
      if (!isFinished(dossier.status_code))
        throw new Conflict('result-not-ready', 'Chỉ đánh giá được khi hồ sơ đã có kết quả giải quyết.');
      if (await ctx.store.rating(dossier.id, trx)) throw alreadyRated();
      await ctx.store.insertRating(trx, {
        dossier_id: dossier.id,
        score: input.score,
        comment,
        rated_by: citizen.id,
        rated_at: at.toISOString(),
      });
      return [{ type: 'dossier.rated', payload: { score: input.score, comment } }];
    });
  } catch (err) {
    throw isUniqueViolation(err) ? alreadyRated() : err;
  }
  return ratingView((await ctx.store.rating(row.id))!);
}
