import type { ReportReason } from '../../../../shared/contract';
import { requestJson } from '../../../api/http-client';

const commentPath = (slug: string, id: string) =>
  `/articles/${encodeURIComponent(slug)}/comments/${encodeURIComponent(id)}`;

export function setRecommendation(slug: string, id: string, recommended: boolean, clientToken: string) {
  return requestJson(`${commentPath(slug, id)}/recommendations`, (schemas) => schemas.RecommendationResponseSchema, {
    method: recommended ? 'POST' : 'DELETE',
    body: JSON.stringify({ clientToken }),
  });
}

export function reportComment(slug: string, id: string, report: { reason: ReportReason; details: string; clientToken: string }) {
  return requestJson(`${commentPath(slug, id)}/reports`, (schemas) => schemas.ReportResponseSchema, {
    method: 'POST',
    body: JSON.stringify(report),
  });
}
